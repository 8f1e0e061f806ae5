package io.relais.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource({
            "Éloïse, eloise",
            "ÉLOÏSE, eloise",
            "François, francois",
            "Müller, muller",
            "Ångström, angstrom",
            "Dupont, dupont",
            "'  Zoë  ', zoe"})
    void foldsCaseAndAccents(String value, String folded) {
        assertThat(SearchText.fold(value)).isEqualTo(folded);
    }

    @Test
    void foldsDecomposedAccentsToo() {
        assertThat(SearchText.fold("E\u0301loi\u0308se")).isEqualTo("eloise");
    }

    @Test
    void foldsNullToEmpty() {
        assertThat(SearchText.fold(null)).isEmpty();
    }

    @Test
    void joinsFoldedValuesSkippingNulls() {
        assertThat(SearchText.of("Éloïse", null, "Dupré", "ACME SARL")).isEqualTo("eloise dupre acme sarl");
    }

    @Test
    void joinsNothingToEmpty() {
        assertThat(SearchText.of()).isEmpty();
    }
}
