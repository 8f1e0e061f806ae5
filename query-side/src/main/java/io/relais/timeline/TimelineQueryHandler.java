package io.relais.timeline;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers timeline queries from the timeline read model. */
@Component
class TimelineQueryHandler {

    private final TimelineRepository repository;

    TimelineQueryHandler(TimelineRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    TimelinePage handle(FindAccountTimeline query) {
        return repository.findAccountTimeline(query);
    }

    @QueryHandler
    TimelinePage handle(FindContactTimeline query) {
        return repository.findContactTimeline(query);
    }
}
