package io.relais.web;

/** Aggregate versions as HTTP entity tags: version 3 is {@code "3"}. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
