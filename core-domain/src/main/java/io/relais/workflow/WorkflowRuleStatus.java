package io.relais.workflow;

/** Whether a rule still runs. */
public enum WorkflowRuleStatus {
    ACTIVE,
    /** Ended for good: it runs no more; its runs stay readable. */
    RETIRED
}
