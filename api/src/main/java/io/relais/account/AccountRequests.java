package io.relais.account;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The bodies of the account endpoints other than creation and update. */
final class AccountRequests {

    /** A new prospect, as the API description shows it. */
    static final String CREATE_EXAMPLE = """
            {"legalName": "Durand SA", "tradeName": "Durand", "phone": "04 78 00 00 01",
             "website": "https://durand.example.fr", "siret": "73282932000074", "nafCode": "36.00Z",
             "billingAddress": {"street": "12 rue de la République", "postalCode": "69002", "city": "Lyon",
                                "country": "FR"},
             "headcount": 45}""";

    private AccountRequests() {
    }

    record AssignOwner(String ownerId) {
    }

    record LinkToErp(@Schema(description = "The customer's id in the ERP", example = "C-000123") String erpId) {
    }

    record AddContact(
            String firstName,
            String lastName,
            String jobTitle,
            List<String> emails,
            List<String> phones,
            @Schema(description = "How the relationship started") String relationshipOrigin,
            DecisionRole decisionRole,
            @Schema(description = "Free text about the person. Personal data: keep it factual; it will be "
                    + "subject to erasure requests.") String notes) {

        ContactDetails details() {
            return new ContactDetails(firstName, lastName, jobTitle, emails, phones, relationshipOrigin, decisionRole,
                    notes);
        }
    }

    record LinkContact(String linkedContactId, ContactLinkKind kind) {
    }

    record MoveContact(@Schema(description = "The account the contact moves to") String toAccountId) {
    }

    record Merge(@Schema(description = "The duplicate to merge into this account; it ends, this one carries on")
                 String duplicateId) {
    }
}
