package io.relais.activity;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

/** What an activity is about: an account, a contact, a deal; at least one of them. */
public record ActivityLinks(String accountId, String contactId, String opportunityId) {

    public ActivityLinks validated() {
        ActivityLinks links = new ActivityLinks(Fields.optionalIdentifier("accountId", accountId),
                Fields.optionalIdentifier("contactId", contactId),
                Fields.optionalIdentifier("opportunityId", opportunityId));
        if (links.accountId == null && links.contactId == null && links.opportunityId == null) {
            throw new InvalidFieldException("accountId", "required",
                    "An activity is about an account, a contact or a deal: give at least one");
        }
        return links;
    }
}
