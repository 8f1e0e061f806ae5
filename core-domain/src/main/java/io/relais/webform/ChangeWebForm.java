package io.relais.webform;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a web form's settings; its key stays. */
public record ChangeWebForm(@TargetAggregateIdentifier String formId, WebFormSettings settings, Long expectedVersion) {
}
