package io.relais.web;

import io.relais.common.InvalidFieldException;
import org.springframework.http.HttpHeaders;

/** Aggregate versions as HTTP entity tags: version 3 is {@code "3"}. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header requires, or null when there is none or it is {@code *}. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidFieldException(HttpHeaders.IF_MATCH, "invalid-if-match",
                "If-Match must be an ETag returned by this API, such as \"3\"");
    }
}
