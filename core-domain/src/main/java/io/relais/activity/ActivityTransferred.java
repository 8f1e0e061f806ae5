package io.relais.activity;

/** The activity follows its account, merged into {@code accountId}. */
public record ActivityTransferred(String activityId, String accountId, String previousAccountId) {
}
