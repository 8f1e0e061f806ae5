package io.relais.organisation;

/** One user; an empty optional when unknown. */
public record FindUser(String userId) {
}
