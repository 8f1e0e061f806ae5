package io.relais.register;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How SIRENE writes things, read the same from its stock files and from its API. */
final class Sirene {

    static final String NAME = "SIRENE";
    /** What SIRENE writes in place of what it does not publish (an entrepreneur who asked for it). */
    private static final String NOT_PUBLISHED = "[ND]";
    private static final Map<String, String> STREET_TYPES = Map.ofEntries(Map.entry("ALL", "ALLEE"),
            Map.entry("AV", "AVENUE"), Map.entry("BD", "BOULEVARD"), Map.entry("CAR", "CARREFOUR"),
            Map.entry("CHE", "CHEMIN"), Map.entry("CHS", "CHAUSSEE"), Map.entry("CITE", "CITE"),
            Map.entry("CRS", "COURS"), Map.entry("DOM", "DOMAINE"), Map.entry("FG", "FAUBOURG"),
            Map.entry("HAM", "HAMEAU"), Map.entry("IMP", "IMPASSE"), Map.entry("LD", "LIEU-DIT"),
            Map.entry("PARV", "PARVIS"), Map.entry("PAS", "PASSAGE"), Map.entry("PL", "PLACE"),
            Map.entry("PROM", "PROMENADE"), Map.entry("QUAI", "QUAI"), Map.entry("RES", "RESIDENCE"),
            Map.entry("RPT", "ROND-POINT"), Map.entry("RTE", "ROUTE"), Map.entry("RUE", "RUE"),
            Map.entry("SQ", "SQUARE"), Map.entry("VOIE", "VOIE"), Map.entry("ZA", "ZA"), Map.entry("ZI", "ZI"));
    private static final Map<String, String> REPETITIONS = Map.of("B", "BIS", "T", "TER", "Q", "QUATER");

    private Sirene() {
    }

    /** A value as given, or null when blank or not published. */
    static String value(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() || stripped.equals(NOT_PUBLISHED) ? null : stripped;
    }

    /** The street as one line: "12 BIS AVENUE DES CHAMPS ELYSEES"; null when SIRENE has none. */
    static String street(String number, String repetition, String type, String name) {
        String typeCode = value(type);
        String repetitionCode = value(repetition);
        String line = Stream.of(value(number),
                        repetitionCode == null ? null : REPETITIONS.getOrDefault(
                                repetitionCode.toUpperCase(Locale.ROOT), repetitionCode),
                        typeCode == null ? null : STREET_TYPES.getOrDefault(typeCode.toUpperCase(Locale.ROOT), typeCode),
                        value(name))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        return line.isEmpty() ? null : line;
    }

    /** The first of the names given that SIRENE has. */
    static String name(String... names) {
        return Arrays.stream(names).map(Sirene::value).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
