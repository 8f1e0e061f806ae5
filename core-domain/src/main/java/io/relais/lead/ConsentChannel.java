package io.relais.lead;

/** How a person gave their consent to marketing. */
public enum ConsentChannel {
    WEB_FORM,
    EMAIL,
    PHONE,
    IN_PERSON,
    PAPER_FORM,
    PARTNER
}
