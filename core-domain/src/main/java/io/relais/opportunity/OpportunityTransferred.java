package io.relais.opportunity;

/** The deal follows its account, merged into {@code accountId}. */
public record OpportunityTransferred(String opportunityId, String accountId, String previousAccountId) {
}
