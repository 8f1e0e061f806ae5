package io.relais.account;

/** A link from a contact to another contact: the other contact and how they are related. */
public record ContactLink(String linkedContactId, ContactLinkKind kind) {
}
