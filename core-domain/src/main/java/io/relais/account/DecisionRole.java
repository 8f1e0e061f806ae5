package io.relais.account;

/** The part a contact plays in the company's buying decisions. */
public enum DecisionRole {
    DECISION_MAKER,
    INFLUENCER,
    BUYER,
    USER,
    TECHNICAL_EVALUATOR,
    GATEKEEPER,
    OTHER
}
