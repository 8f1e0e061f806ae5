package io.relais.organisation;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class OrganisationCommandConfiguration {

    /** Every routed lead adds an event to the organisation: a snapshot keeps a cold load short. */
    private static final int EVENTS_BETWEEN_SNAPSHOTS = 500;

    @Bean
    public Cache organisationCache() {
        return new WeakReferenceCache();
    }

    @Bean
    public SnapshotTriggerDefinition organisationSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
