package io.relais.dashboard;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/** An open deal with no activity done for the dashboard's number of days (or ever, since it was opened). */
public record StaleDeal(String opportunityId, String name, String ownerId, String stage, String currency,
                        @Nullable BigDecimal amount, Instant openedAt, @Nullable Instant lastActivityAt) {
}
