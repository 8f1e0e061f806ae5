package io.relais.webform;

import io.relais.common.FieldChange;

import java.util.List;

/** A web form's settings changed; {@code settings} is the whole new state. */
public record WebFormChanged(String formId, WebFormSettings settings, List<FieldChange> changes) {
}
