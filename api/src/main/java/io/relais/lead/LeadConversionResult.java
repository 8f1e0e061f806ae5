package io.relais.lead;

import io.relais.duplicate.DuplicateMatch;
import jakarta.annotation.Nullable;

import java.util.List;

/**
 * What a conversion made: the lead now points to its account and contact, which point back to it; the deal
 * it opened, if asked for; and the likely duplicates of the new account and of the contact among what the
 * caller may see.
 */
public record LeadConversionResult(String leadId, String accountId, String contactId, @Nullable String opportunityId,
                                   boolean accountCreated, List<DuplicateMatch> possibleDuplicates) {
}
