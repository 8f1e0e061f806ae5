package io.relais.webform;

import io.relais.common.PageRequest;

/** A page of web forms by name, {@code text} in the name or source detail; retired ones only when asked for. */
public record FindWebForms(String text, boolean includeRetired, PageRequest page) {
}
