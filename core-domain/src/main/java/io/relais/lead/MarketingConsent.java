package io.relais.lead;

import io.relais.common.InvalidFieldException;

import java.time.Clock;
import java.time.LocalDate;

/** Whether the person agreed to receive marketing, and when and how they said so (kept as proof). */
public record MarketingConsent(boolean granted, LocalDate date, ConsentChannel channel) {

    public MarketingConsent validated(Clock clock) {
        if (date == null) {
            throw new InvalidFieldException("consent.date", "required", "consent.date is required");
        }
        if (channel == null) {
            throw new InvalidFieldException("consent.channel", "required", "consent.channel is required");
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("consent.date", "date-in-future", "consent.date cannot be in the future");
        }
        return this;
    }
}
