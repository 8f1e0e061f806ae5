package io.relais.catalogue;

import java.util.HashMap;
import java.util.Map;

/** A test double of the product code lookup: which product holds each code key. */
final class InMemoryProductCodes implements ProductCodes {

    private final Map<String, String> holders = new HashMap<>();

    /** Records that {@code productId} holds {@code codeKey}, as a claim stored earlier would. */
    InMemoryProductCodes held(String codeKey, String productId) {
        holders.put(codeKey, productId);
        return this;
    }

    /** The codes held, by key. */
    Map<String, String> holders() {
        return Map.copyOf(holders);
    }

    @Override
    public String claim(String codeKey, String productId) {
        return holders.computeIfAbsent(codeKey, key -> productId);
    }

    @Override
    public void release(String codeKey, String productId) {
        holders.remove(codeKey, productId);
    }
}
