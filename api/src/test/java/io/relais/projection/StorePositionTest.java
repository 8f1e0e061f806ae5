package io.relais.projection;

import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.common.AuditMetadata;
import io.relais.support.ApiTestSupport;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event committed after a later one (a slow transaction: a gap in the store that fills afterwards) keeps
 * its own position in the read models that order by it, so that a replay, which sees no gap, gives the same.
 */
class StorePositionTest extends ApiTestSupport {

    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void anEventCommittedLateIntoAGapKeepsItsOwnPositionInTheTimeline() throws Exception {
        String slow = "slow-" + UUID.randomUUID();
        String fast = "fast-" + UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slowCommit = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    storage.appendEvents(List.of(created(slow)));
                    appended.countDown();
                    awaitReleased(release);
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        new TransactionTemplate(transactions).executeWithoutResult(status -> storage.appendEvents(List.of(created(fast))));
        await().atMost(Duration.ofSeconds(30)).until(() -> position(fast) != null);

        release.countDown();
        slowCommit.get(30, TimeUnit.SECONDS);
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

    private static GenericDomainEventMessage<AccountCreated> created(String accountId) {
        return new GenericDomainEventMessage<>("Account", accountId, 0, new AccountCreated(accountId,
                new AccountDetails("Société " + accountId, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null), "admin"), Map.of(AuditMetadata.USER_ID, "admin"));
    }

    private static void awaitReleased(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
