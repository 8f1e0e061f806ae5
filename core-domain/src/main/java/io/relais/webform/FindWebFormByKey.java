package io.relais.webform;

/** The form that takes submissions under {@code key}: empty when none does (unknown key, or the form retired). */
public record FindWebFormByKey(String key) {
}
