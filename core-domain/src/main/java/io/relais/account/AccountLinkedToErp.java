package io.relais.account;

/** The customer is tied to its ERP record; the ERP now masters its ERP fields. */
public record AccountLinkedToErp(String accountId, String erpId) {
}
