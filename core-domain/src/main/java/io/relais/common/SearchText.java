package io.relais.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Folds text for free-text search: lower case, accents removed, so "Éloïse" is found by "eloise". */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    public static String fold(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).strip();
    }

    public static String of(String... values) {
        return Stream.of(values).filter(Objects::nonNull).map(SearchText::fold).collect(Collectors.joining(" "));
    }

    /** A SQL {@code LIKE ... escape '\'} pattern finding {@code text} anywhere, its wildcards taken literally. */
    public static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
