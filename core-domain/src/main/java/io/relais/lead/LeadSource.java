package io.relais.lead;

/** Where a lead came from. */
public enum LeadSource {
    NEWSLETTER,
    PDF_DOWNLOAD,
    WEBSITE_VISIT,
    WEB_FORM,
    PARTNER_FILE,
    REP_ENTRY
}
