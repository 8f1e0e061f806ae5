package io.relais.webform;

/** One web form by its id, retired or not. */
public record FindWebForm(String formId) {
}
