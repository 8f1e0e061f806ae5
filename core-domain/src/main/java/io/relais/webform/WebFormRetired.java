package io.relais.webform;

/** A web form takes no more submissions. */
public record WebFormRetired(String formId) {
}
