package io.relais.duplicate;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Answers duplicate queries from the duplicate read model. */
@Component
class DuplicateQueryHandler {

    private final DuplicateRepository repository;

    DuplicateQueryHandler(DuplicateRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    List<DuplicateMatch> handle(FindPossibleDuplicates query) {
        return repository.findMatches(query.probe(), query.among(), query.viewer(), query.limit());
    }

    @QueryHandler
    DuplicatePairPage handle(FindDuplicatePairs query) {
        return repository.findPairs(query);
    }

    @QueryHandler
    Optional<Instant> handle(FindDuplicateDismissal query) {
        return repository.findDismissal(query);
    }
}
