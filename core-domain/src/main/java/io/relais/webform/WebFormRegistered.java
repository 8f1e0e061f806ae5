package io.relais.webform;

/** A web form was registered; submissions are posted to its {@code key}. */
public record WebFormRegistered(String formId, String key, WebFormSettings settings) {
}
