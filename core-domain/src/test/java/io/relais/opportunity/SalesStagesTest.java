package io.relais.opportunity;

import io.relais.common.InvalidFieldException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesStagesTest {

    private static final SalesStage DISCOVERY = new SalesStage("DISCOVERY", 15, ForecastCategory.PIPELINE);
    private static final SalesStage CLOSING = new SalesStage("CLOSING", 90, ForecastCategory.COMMIT);

    @Nested
    class Defaults {

        @Test
        void areProspectingQualificationProposalAndNegotiationInThatOrder() {
            assertThat(SalesStages.defaults().open()).containsExactly(
                    new SalesStage("PROSPECTING", 10, ForecastCategory.PIPELINE),
                    new SalesStage("QUALIFICATION", 20, ForecastCategory.PIPELINE),
                    new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE),
                    new SalesStage("NEGOTIATION", 80, ForecastCategory.COMMIT));
        }

        @Test
        void startWithProspecting() {
            assertThat(SalesStages.defaults().first())
                    .isEqualTo(new SalesStage("PROSPECTING", 10, ForecastCategory.PIPELINE));
        }
    }

    @Nested
    class Construction {

        @Test
        void keepsTheStagesInTheOrderGiven() {
            SalesStages stages = new SalesStages(List.of(DISCOVERY, CLOSING));

            assertThat(stages.open()).containsExactly(DISCOVERY, CLOSING);
            assertThat(stages.first()).isEqualTo(DISCOVERY);
        }

        @Test
        void acceptsASingleStage() {
            assertThat(new SalesStages(List.of(CLOSING)).first()).isEqualTo(CLOSING);
        }

        @Test
        void keepsACopyThatCannotBeChanged() {
            List<SalesStage> given = new ArrayList<>(List.of(DISCOVERY));
            SalesStages stages = new SalesStages(given);

            given.add(CLOSING);

            assertThat(stages.open()).containsExactly(DISCOVERY);
            assertThatThrownBy(() -> stages.open().add(CLOSING)).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void needsAStage() {
            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(null));
            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(List.of()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"D", "DISCOVERY_2", "A_", "X9"})
        void acceptsANameOfCapitalsDigitsAndUnderscoresStartingWithALetter(String name) {
            assertThat(new SalesStages(List.of(stage(name))).first().name()).isEqualTo(name);
        }

        @Test
        void acceptsANameOf50Characters() {
            assertThat(new SalesStages(List.of(stage("S".repeat(50)))).first().name()).hasSize(50);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"discovery", "Discovery", "2ND_MEETING", "_DISCOVERY", "DISCO VERY", "DISCOVERY-2",
                "\u00c9TUDE"})
        void refusesAnInvalidName(String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(List.of(stage(name))))
                    .withMessageContaining("name");
        }

        @Test
        void refusesANameOfMoreThan50Characters() {
            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(List.of(stage("S".repeat(51)))));
        }

        @Test
        void refusesAStageGivenTwice() {
            SalesStage again = new SalesStage("DISCOVERY", 30, ForecastCategory.BEST_CASE);

            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(List.of(DISCOVERY, CLOSING, again)))
                    .withMessageContaining("DISCOVERY");
        }

        @ParameterizedTest
        @ValueSource(strings = {"CLOSED_WON", "CLOSED_LOST"})
        void refusesTheClosedStages(String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(List.of(DISCOVERY, stage(name))))
                    .withMessageContaining(name);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 99, 100})
        void acceptsAProbabilityFrom0To100(int probability) {
            SalesStage stage = new SalesStage("DISCOVERY", probability, ForecastCategory.PIPELINE);

            assertThat(new SalesStages(List.of(stage)).first().probability()).isEqualTo(probability);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 101, Integer.MIN_VALUE})
        void refusesAProbabilityOutOf0To100(int probability) {
            SalesStage stage = new SalesStage("DISCOVERY", probability, ForecastCategory.PIPELINE);

            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(List.of(stage)))
                    .withMessageContaining("probability");
        }

        @ParameterizedTest
        @EnumSource(value = ForecastCategory.class, names = "CLOSED", mode = EnumSource.Mode.EXCLUDE)
        void acceptsAnyCategoryOfAnOpenDeal(ForecastCategory category) {
            SalesStage stage = new SalesStage("DISCOVERY", 15, category);

            assertThat(new SalesStages(List.of(stage)).first().category()).isEqualTo(category);
        }

        @Test
        void refusesTheClosedCategory() {
            SalesStage stage = new SalesStage("DISCOVERY", 15, ForecastCategory.CLOSED);

            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(List.of(stage)))
                    .withMessageContaining("category");
        }

        @Test
        void refusesAStageWithoutCategory() {
            SalesStage stage = new SalesStage("DISCOVERY", 15, null);

            assertThatIllegalArgumentException().isThrownBy(() -> new SalesStages(List.of(stage)))
                    .withMessageContaining("category");
        }
    }

    @Nested
    class OpenStageByName {

        private final SalesStages stages = new SalesStages(List.of(DISCOVERY, CLOSING));

        @ParameterizedTest
        @ValueSource(strings = {"CLOSING", "closing", "Closing", "  closing\t"})
        void findsTheStageInAnyCaseAndTrimmed(String name) {
            assertThat(stages.open("stage", name)).isEqualTo(CLOSING);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void requiresAName(String name) {
            assertRefused(() -> stages.open("stage", name), "stage", "required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"PROSPECTING", "CLOSINGS", "CLOS ING", "CLOSED_WON", "closed_lost"})
        void refusesANameOfNoOpenStage(String name) {
            assertRefused(() -> stages.open("stage", name), "stage", "unknown-stage");
        }

        @Test
        void namesTheOpenStagesWhenRefusing() {
            assertThatThrownBy(() -> stages.open("stage", "WON"))
                    .hasMessageContaining("[DISCOVERY, CLOSING]");
        }

        @Test
        void namesTheFieldItWasGiven() {
            assertRefused(() -> stages.open("reopenAt", "WON"), "reopenAt", "unknown-stage");
            assertRefused(() -> stages.open("reopenAt", null), "reopenAt", "required");
        }
    }

    private static SalesStage stage(String name) {
        return new SalesStage(name, 15, ForecastCategory.PIPELINE);
    }

    private static void assertRefused(ThrowingCallable call, String field, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                });
    }
}
