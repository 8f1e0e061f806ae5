package io.relais.activity;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers activity and alert queries from the activity read model. */
@Component
class ActivityQueryHandler {

    private final ActivityRepository repository;

    ActivityQueryHandler(ActivityRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    Optional<ActivityView> handle(FindActivity query) {
        return repository.find(query.activityId(), query.viewer());
    }

    @QueryHandler
    ActivityPage handle(FindActivities query) {
        return repository.findPage(query);
    }

    @QueryHandler
    AlertPage handle(FindAlerts query) {
        return repository.findAlerts(query);
    }

    @QueryHandler
    List<String> handle(FindActivityIdsOfAccount query) {
        return repository.findIdsOfAccount(query.accountId());
    }
}
