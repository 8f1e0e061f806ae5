package io.relais.organisation;

/** Every user, active or not, ordered by id: the whole reporting line at once. */
public record FindAllUsers() {
}
