package io.relais.account;

/** A link from a contact to another contact. */
public record ContactLinkView(String linkedContactId, ContactLinkKind kind) {
}
