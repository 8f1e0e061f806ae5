package io.relais.duplicate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Names match when similar enough and alike where they differ; similarities are pg_trgm's for these names. */
class NameComparisonTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
            "boulangerie lefevre, boulangerie lefevre, 1.0",
            "boulangerie lefevre, boulangerie lfeevre, 0.667",
            "boulangerie lefevre, boulangerie lefebvre, 0.783",
            "boulangerie lefevre, boulangrie lefevre, 0.8",
            "boulangerie lefevre, boulangerie lefevre lyon, 0.833",
            "boulangerie lefevre, lefevre boulangerie, 1.0",
            "menuiserie rolland, menuiserie roland, 0.85",
            "garage dupont, garage dupond, 0.75",
            "elodie moreau, elodie moreau, 1.0"})
    void matchesTheSameNameWrittenDifferently(String probe, String candidate, double similarity) {
        assertThat(new NameComparison(probe, candidate, similarity).matches(0.6)).isTrue();
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({
            "informatique conseil lefevre, informatique conseil leroy, 0.697",
            "boulangerie lefevre, boulangerie dupre, 0.52",
            "elodie moreau, elodie lopez, 0.6",
            "transports martin, transports marchand, 0.65"})
    void tellsNamesThatShareOnlyAGenericWordApart(String probe, String candidate, double similarity) {
        assertThat(new NameComparison(probe, candidate, similarity).matches(0.5)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0.6, true", "0.599, false", "0.0, false"})
    void needsTheSimilarityToReachTheThreshold(double similarity, boolean matches) {
        assertThat(new NameComparison("boulangerie lefevre", "boulangerie lefevre", similarity).matches(0.6))
                .isEqualTo(matches);
    }
}
