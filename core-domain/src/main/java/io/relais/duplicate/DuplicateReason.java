package io.relais.duplicate;

import jakarta.annotation.Nullable;

/**
 * One reason two records look like duplicates: an identifier they share ({@code SIRET}, {@code EMAIL} ...,
 * with the normalised {@code value}) or a similar name ({@code COMPANY_NAME}, {@code PERSON_NAME}), with the
 * score it contributes (0 to 1).
 */
public record DuplicateReason(String rule, @Nullable String value, double score) {
}
