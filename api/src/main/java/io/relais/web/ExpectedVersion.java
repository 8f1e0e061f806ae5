package io.relais.web;

import io.relais.common.InvalidFieldException;
import org.springframework.http.HttpHeaders;

/**
 * The aggregate version a write expects, from its {@code If-Match} header: a controller method takes it as a
 * parameter ({@link HeaderParameters} reads and documents it).
 *
 * @param version null when the request names none, or {@code *}
 */
public record ExpectedVersion(Long version) {

    /** The version an If-Match header requires; a value that is not an ETag of this API is refused. */
    public static ExpectedVersion of(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return new ExpectedVersion(null);
        }
        String tag = ifMatch.strip();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return new ExpectedVersion(version);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidFieldException(HttpHeaders.IF_MATCH, "invalid-if-match",
                "If-Match must be an ETag returned by this API, such as \"3\"");
    }
}
