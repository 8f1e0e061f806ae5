package io.relais.support;

import io.relais.account.AccountCreated;
import io.relais.account.AccountDetails;
import io.relais.common.AuditMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new account's first event appended in a transaction held open until {@link #commit()}: a slow writer, whose
 * position stays a gap in the store while later events commit, and fills when it commits.
 */
public final class HeldOpenAppend {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> transaction;

    /** Appends the creation of account {@code accountId} and returns once it is appended, not committed. */
    public HeldOpenAppend(PlatformTransactionManager transactions, EventStorageEngine storage, String accountId)
            throws InterruptedException {
        CountDownLatch appended = new CountDownLatch(1);
        transaction = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    storage.appendEvents(List.of(accountCreated(accountId)));
                    appended.countDown();
                    awaitReleased();
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
    }

    /** The creation of account {@code accountId}, as the account aggregate records it. */
    public static GenericDomainEventMessage<AccountCreated> accountCreated(String accountId) {
        return new GenericDomainEventMessage<>("Account", accountId, 0, new AccountCreated(accountId,
                new AccountDetails("Société " + accountId, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null), "admin"), Map.of(AuditMetadata.USER_ID, "admin"));
    }

    /** Lets the transaction commit, and waits until it has. */
    public void commit() throws Exception {
        release.countDown();
        transaction.get(30, TimeUnit.SECONDS);
    }

    private void awaitReleased() {
        try {
            assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
