package io.relais.projection;

import io.relais.support.ApiTestSupport;
import io.relais.support.HeldOpenAppend;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event committed after a later one (a slow transaction: a gap in the store that fills afterwards) keeps
 * its own position in the read models that order by it, so that a replay, which sees no gap, gives the same.
 */
@NeedsPostgreSqlEventStore
class StorePositionTest extends ApiTestSupport {

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void anEventCommittedLateIntoAGapKeepsItsOwnPositionInTheTimeline() throws Exception {
        String slow = "slow-" + UUID.randomUUID();
        String fast = "fast-" + UUID.randomUUID();
        HeldOpenAppend slowWriter = new HeldOpenAppend(transactions, storage, slow);
        new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(List.of(
                HeldOpenAppend.accountCreated(fast))));
        await().atMost(Duration.ofSeconds(30)).until(() -> position(fast) != null);

        slowWriter.commit();
        await().atMost(Duration.ofSeconds(60)).until(() -> position(slow) != null);

        assertThat(position(slow)).isEqualTo(globalIndex(slow)).isLessThan(position(fast));
        assertThat(position(fast)).isEqualTo(globalIndex(fast));
    }

    private Long position(String accountId) {
        return jdbc.query("select position from timeline_entry where record_id = ?", rs -> rs.next() ? rs.getLong(1)
                : null, accountId);
    }

    private long globalIndex(String accountId) {
        return jdbc.queryForObject("select globalindex from domainevententry where aggregateidentifier = ?", Long.class,
                accountId);
    }
}
