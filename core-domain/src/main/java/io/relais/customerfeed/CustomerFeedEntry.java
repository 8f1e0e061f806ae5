package io.relais.customerfeed;

import io.relais.account.AccountStatus;
import io.relais.common.FieldChange;
import jakarta.annotation.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the customer feed: what happened ({@code kind}), the event that said it (its id de-duplicates), who
 * did it and when, and the account as it stood right after (its status, ERP link and ERP-mastered fields).
 *
 * @param position     the entry's place in the feed, given when it was written; never the event's store position
 * @param changes      for {@code ERP_FIELDS_CHANGED}, the ERP-mastered fields that changed; empty otherwise
 * @param mergedIntoId for {@code CUSTOMER_MERGED}, the account the customer lives on in
 * @param deal         for {@code DEAL_WON}, the deal
 */
public record CustomerFeedEntry(long position, String eventId, CustomerFeedEntryKind kind, Instant occurredAt,
                                String userId, @Nullable String onBehalfOf, String accountId,
                                AccountStatus accountStatus, @Nullable String erpId, ErpFields erpFields,
                                List<FieldChange> changes, @Nullable String mergedIntoId, @Nullable WonDeal deal) {

    public CustomerFeedEntry {
        changes = List.copyOf(changes);
    }
}
