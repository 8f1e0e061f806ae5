package io.relais.duplicate;

import jakarta.annotation.Nullable;

/** One record of a duplicate pair, as a reviewer sees it. */
public record PairMember(String id, String label, @Nullable String ownerId) {
}
