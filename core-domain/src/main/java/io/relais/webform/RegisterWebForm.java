package io.relais.webform;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a web form under a public key (the server makes one: long and random, it is no secret). */
public record RegisterWebForm(@TargetAggregateIdentifier String formId, String key, WebFormSettings settings) {
}
