package io.relais.duplicate;

/** One record of a duplicate pair, as a reviewer sees it. */
public record PairMember(String id, String label, String ownerId) {
}
