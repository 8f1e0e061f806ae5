package io.relais.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string that PostgreSQL cannot store as text, though JSON's syntax allows it: one holding the NUL
 * character ({@code "\u0000"}), which PostgreSQL refuses in any text, or an unpaired UTF-16 surrogate (an escape
 * such as {@code "\ud800"} that is not half of a pair), which is not a character and would be stored as
 * {@code ?}. Refused while the body is read, so that no identifier, search or text reaches a query or an event.
 */
public class UnstorableTextException extends MismatchedInputException {

    private final String reason;

    private UnstorableTextException(JsonParser parser, String reason) {
        super(parser, "The text " + reason, String.class);
        this.reason = reason;
    }

    /** What is wrong with the text, to follow the field's name: "contains …". */
    String reason() {
        return reason;
    }

    /** Answers {@code text}, refused if it holds a NUL or an unpaired surrogate. */
    static String checked(JsonParser parser, String text) throws UnstorableTextException {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (pair) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new UnstorableTextException(parser,
                            "contains an unpaired UTF-16 surrogate (\\uD800 to \\uDFFF), which is not a character");
                } else if (c == '\u0000') {
                    throw new UnstorableTextException(parser,
                            "contains the NUL character (\\u0000), which PostgreSQL cannot store");
                }
            }
        }
        return text;
    }
}
