package io.relais.alert;

/** The position up to which a user has read their alerts (0 when they never marked any read). */
public record ReadMark(long readUpTo) {
}
