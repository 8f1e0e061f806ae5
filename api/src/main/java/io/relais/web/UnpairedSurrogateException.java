package io.relais.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string holding an unpaired UTF-16 surrogate (an escape such as {@code "\ud800"} that is not half of
 * a pair): JSON's syntax allows it, but it is not a character, and PostgreSQL would store it as {@code ?}.
 */
public class UnpairedSurrogateException extends MismatchedInputException {

    UnpairedSurrogateException(JsonParser parser) {
        super(parser, "The text holds an unpaired UTF-16 surrogate", String.class);
    }

    /** Answers {@code text}, refused if it holds an unpaired surrogate. */
    static String checked(JsonParser parser, String text) throws UnpairedSurrogateException {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (pair) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw new UnpairedSurrogateException(parser);
                }
            }
        }
        return text;
    }
}
