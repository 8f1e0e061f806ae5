package io.relais.personaldata;

import io.relais.common.PageRequest;

import java.time.Instant;

/**
 * The people past their retention period and not erased yet, longest without contact first: leads (but converted
 * ones, who live on as contacts) last in contact before {@code leadsBefore}, and contacts of prospect accounts
 * last in contact before {@code contactsBefore}.
 */
public record FindRetentionCandidates(Instant leadsBefore, Instant contactsBefore, PageRequest page) {
}
