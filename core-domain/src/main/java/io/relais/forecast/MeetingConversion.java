package io.relais.forecast;

import jakarta.annotation.Nullable;

import java.math.BigDecimal;

/**
 * From meetings to signed deals: in the history window the team held {@code held} meetings and won
 * {@code dealsWon} deals averaging {@code averageWonAmount}; so each meeting brought {@code wonPerMeeting} won
 * deals. The {@code booked} meetings of the rest of the period that are not about an existing deal are
 * expected to bring booked × wonPerMeeting × averageWonAmount.
 */
public record MeetingConversion(int held, int dealsWon, @Nullable BigDecimal wonPerMeeting,
                                @Nullable BigDecimal averageWonAmount, int booked, BigDecimal expected) {
}
