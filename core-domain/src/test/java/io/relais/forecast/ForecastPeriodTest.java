package io.relais.forecast;

import io.relais.common.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForecastPeriodTest {

    @Nested
    class Parse {

        @Test
        void readsAYearFromItsFirstDayToTheNextYearsFirstDay() {
            assertThat(ForecastPeriod.parse("period", "2026")).isEqualTo(
                    new ForecastPeriod("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
        }

        @ParameterizedTest(name = "{0}: {1} to {2}")
        @CsvSource({
                "2026-Q1, 2026-01-01, 2026-04-01",
                "2026-Q2, 2026-04-01, 2026-07-01",
                "2026-Q3, 2026-07-01, 2026-10-01",
                "2026-Q4, 2026-10-01, 2027-01-01"})
        void readsAQuarter(String label, LocalDate start, LocalDate end) {
            assertThat(ForecastPeriod.parse("period", label)).isEqualTo(new ForecastPeriod(label, start, end));
        }

        @ParameterizedTest(name = "{0}: {1} to {2}")
        @CsvSource({
                "2026-01, 2026-01-01, 2026-02-01",
                "2026-07, 2026-07-01, 2026-08-01",
                "2028-02, 2028-02-01, 2028-03-01",
                "2026-12, 2026-12-01, 2027-01-01"})
        void readsAMonth(String label, LocalDate start, LocalDate end) {
            assertThat(ForecastPeriod.parse("period", label)).isEqualTo(new ForecastPeriod(label, start, end));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-q3", " 2026-Q3", "2026-Q3 ", "\t2026-q3\n"})
        void acceptsAnyCaseAndSurroundingBlanks(String text) {
            assertThat(ForecastPeriod.parse("period", text)).isEqualTo(
                    new ForecastPeriod("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 10, 1)));
        }

        @Test
        void labelsAYearOrAMonthWithoutTheBlanks() {
            assertThat(ForecastPeriod.parse("period", " 2026 ").label()).isEqualTo("2026");
            assertThat(ForecastPeriod.parse("period", " 2026-07 ").label()).isEqualTo("2026-07");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t"})
        void refusesAMissingPeriodNamingTheField(String text) {
            assertThatThrownBy(() -> ForecastPeriod.parse("quarter", text))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("quarter");
                        assertThat(e.code()).isEqualTo("required");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-Q5", "2026-Q0", "2026-13", "2026-00", "26", "2026-7", "20260", "02026-Q1",
                "2026-Q", "2026Q3", "2026 Q3", "Q3", "Q3-2026", "2026-H1", "2026-07-01", "2026-1-1", "year",
                "2026-\u0661\u0662"})
        void refusesAnythingButAYearAQuarterOrAMonth(String text) {
            assertThatThrownBy(() -> ForecastPeriod.parse("period", text))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("period");
                        assertThat(e.code()).isEqualTo("invalid-period");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"0000", "0001-Q1", "1899", "1899-12", "3000", "3000-01", "9999-Q4"})
        void refusesAPeriodOutsideTheYears1900To2999(String text) {
            assertThatThrownBy(() -> ForecastPeriod.parse("period", text))
                    .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                        assertThat(e.field()).isEqualTo("period");
                        assertThat(e.code()).isEqualTo("out-of-range");
                    });
        }

        @Test
        void acceptsTheFirstAndLastMonthsOfTheYears1900To2999() {
            assertThat(ForecastPeriod.parse("period", "1900-01").start()).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(ForecastPeriod.parse("period", "2999-Q4").end()).isEqualTo(LocalDate.of(3000, 1, 1));
        }
    }

    @Nested
    class Contains {

        private final ForecastPeriod q3 = ForecastPeriod.parse("period", "2026-Q3");

        @Test
        void includesTheFirstDay() {
            assertThat(q3.contains(LocalDate.of(2026, 7, 1))).isTrue();
        }

        @Test
        void includesTheLastDay() {
            assertThat(q3.contains(LocalDate.of(2026, 9, 30))).isTrue();
        }

        @Test
        void excludesTheDayBefore() {
            assertThat(q3.contains(LocalDate.of(2026, 6, 30))).isFalse();
        }

        @Test
        void excludesTheEnd() {
            assertThat(q3.contains(LocalDate.of(2026, 10, 1))).isFalse();
        }
    }
}
