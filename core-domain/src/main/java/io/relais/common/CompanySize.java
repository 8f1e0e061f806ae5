package io.relais.common;

/**
 * Company size bands by headcount, after the French categories (micro-entreprise, PME, ETI, grande
 * entreprise), with the PME band split at 50 as sales territories usually do.
 */
public enum CompanySize {
    MICRO,
    SMALL,
    MEDIUM,
    INTERMEDIATE,
    LARGE
}
