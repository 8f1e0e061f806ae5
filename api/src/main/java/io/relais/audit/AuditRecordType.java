package io.relais.audit;

/**
 * The kinds of record whose history the audit view shows: one per aggregate of the engine, with the contacts
 * of an account, and the users, territories (their routing included) and settings of the organisation, each on
 * its own. The event store's {@code audit_record} function (migration V17) says which record an event belongs to.
 */
public enum AuditRecordType {
    LEAD,
    ACCOUNT,
    CONTACT,
    OPPORTUNITY,
    ACTIVITY,
    PRODUCT,
    SALES_TARGET,
    EXCHANGE_RATES,
    USER,
    TERRITORY,
    ORGANISATION,
    /** A list exported ({@code ListExported}). */
    EXPORT,
    /** A file imported ({@code ImportStarted}, {@code ImportFinished}); its rows' records name it as correlation id. */
    IMPORT,
    /** A web form ({@code WebFormRegistered} …); the leads it captured name it as {@code onBehalfOf}. */
    WEBFORM,
    /** A webhook subscription ({@code WebhookRegistered} …); suspended by {@code system:webhooks} after failures. */
    WEBHOOK,
    /** A workflow rule ({@code WorkflowRuleDefined} …); what it did is recorded by {@code system:workflow}. */
    WORKFLOWRULE
}
