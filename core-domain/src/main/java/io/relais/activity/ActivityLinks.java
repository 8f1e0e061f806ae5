package io.relais.activity;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

/** What an activity is about: an account, a contact, a deal; at least one of them. */
public record ActivityLinks(String accountId, String contactId, String opportunityId) {

    public ActivityLinks validated() {
        ActivityLinks links = new ActivityLinks(optional("accountId", accountId), optional("contactId", contactId),
                optional("opportunityId", opportunityId));
        if (links.accountId == null && links.contactId == null && links.opportunityId == null) {
            throw new InvalidFieldException("accountId", "required",
                    "An activity is about an account, a contact or a deal: give at least one");
        }
        return links;
    }

    private static String optional(String field, String value) {
        return value == null || value.isBlank() ? null : Fields.identifier(field, value);
    }
}
