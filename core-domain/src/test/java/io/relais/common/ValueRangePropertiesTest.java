package io.relais.common;

import io.relais.forecast.ForecastPeriod;
import io.relais.opportunity.LineItem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The domain's ranges over open-ended input: whatever Java accepts, a value is either refused with a problem
 * naming its field, or something PostgreSQL and the read models store as it is (text without NUL that survives
 * UTF-8, dates and instants in the years 1900 to 2999, amounts that fit their numeric columns).
 */
class ValueRangePropertiesTest {

    private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(15);

    // ---------------------------------------------------------------------------------------------------------
    // Text
    // ---------------------------------------------------------------------------------------------------------

    @Property
    void everyTextIsRefusedOrStorable(@ForAll("anyText") String value) {
        String kept;
        try {
            kept = Fields.text("notes", value, 100);
        } catch (InvalidFieldException refused) {
            assertThat(refused.field()).isEqualTo("notes");
            assertThat(refused.code()).isIn("too-long", "invalid-characters");
            return;
        }
        if (kept != null) {
            assertThat(kept.length()).isLessThanOrEqualTo(100);
            assertThat(kept).doesNotContain("\u0000");
            assertThat(new String(kept.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(kept);
        }
    }

    @Property
    void textWithNeitherControlCharactersNorHalfPairsIsKept(@ForAll("printableText") String value) {
        assertThat(Fields.text("notes", value, 400)).isEqualTo(value.isBlank() ? null : value.strip());
    }

    @Property
    void textWithANulOrHalfAPairIsRefused(@ForAll("printableText") String before,
                                         @ForAll("unstorable") char bad,
                                         @ForAll("printableText") String after) {
        InvalidFieldException refused = catchThrowableOfType(InvalidFieldException.class,
                () -> Fields.text("notes", "x" + before + bad + after + "x", 1000));

        assertThat(refused.field()).isEqualTo("notes");
        assertThat(refused.code()).isEqualTo("invalid-characters");
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(120),
                Arbitraries.strings().withChars('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', 'a', 'é', ' ', '\n')
                        .ofMaxLength(12),
                Arbitraries.strings().withChars("😀a\u0000").ofMaxLength(8));
    }

    @Provide
    Arbitrary<String> printableText() {
        return Arbitraries.integers().between(0x20, Character.MAX_CODE_POINT)
                .filter(c -> !Character.isISOControl(c) && !isSurrogate(c))
                .list().ofMaxSize(100)
                .map(codePoints -> new String(codePoints.stream().mapToInt(Integer::intValue).toArray(), 0,
                        codePoints.size()));
    }

    @Provide
    Arbitrary<Character> unstorable() {
        return Arbitraries.oneOf(Arbitraries.just('\u0000'),
                Arbitraries.chars().range(Character.MIN_SURROGATE, Character.MAX_SURROGATE));
    }

    private static boolean isSurrogate(int codePoint) {
        return codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Dates, instants, periods
    // ---------------------------------------------------------------------------------------------------------

    @Property
    void aDateIsAcceptedExactlyInTheYears1900To2999(@ForAll("anyDate") LocalDate date) {
        boolean inRange = date.getYear() >= 1900 && date.getYear() <= 2999;
        InvalidFieldException refused = catchThrowableOfType(InvalidFieldException.class,
                () -> assertThat(Fields.date("validFrom", date)).isEqualTo(date));

        if (inRange) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused.field()).isEqualTo("validFrom");
            assertThat(refused.code()).isEqualTo("out-of-range");
        }
    }

    @Property
    void anInstantIsAcceptedExactlyInTheYears1900To2999(@ForAll("anyInstant") Instant instant) {
        // the ISO text starts with the year: four digits for 0000 to 9999, a sign and more digits beyond
        String text = instant.toString();
        boolean inRange = text.charAt(4) == '-' && Character.isDigit(text.charAt(0))
                && Integer.parseInt(text.substring(0, 4)) >= 1900 && Integer.parseInt(text.substring(0, 4)) <= 2999;
        InvalidFieldException refused = catchThrowableOfType(InvalidFieldException.class,
                () -> assertThat(Fields.instant("dueAt", instant)).isEqualTo(instant));

        if (inRange) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused.field()).isEqualTo("dueAt");
            assertThat(refused.code()).isEqualTo("out-of-range");
        }
    }

    @Property
    void aPeriodIsAcceptedExactlyInTheYears1900To2999(@ForAll @IntRange(min = 0, max = 9999) int year,
                                                     @ForAll("periodSuffixes") String suffix) {
        String label = String.format("%04d", year) + suffix;
        InvalidFieldException refused = catchThrowableOfType(InvalidFieldException.class,
                () -> ForecastPeriod.parse("period", label));

        if (year >= 1900 && year <= 2999) {
            assertThat(refused).isNull();
            ForecastPeriod period = ForecastPeriod.parse("period", label);
            assertThat(period.start().getYear()).isEqualTo(year);
            assertThat(period.end()).isAfter(period.start());
        } else {
            assertThat(refused.field()).isEqualTo("period");
            assertThat(refused.code()).isEqualTo("out-of-range");
        }
    }

    @Provide
    Arbitrary<LocalDate> anyDate() {
        return Arbitraries.oneOf(epochDays(LocalDate.MIN, LocalDate.MAX),
                epochDays(LocalDate.of(1800, 1, 1), LocalDate.of(3100, 12, 31)));
    }

    @Provide
    Arbitrary<Instant> anyInstant() {
        return Arbitraries.oneOf(epochSeconds(Instant.MIN, Instant.MAX),
                epochSeconds(Instant.parse("1800-01-01T00:00:00Z"), Instant.parse("3100-12-31T23:59:59Z")));
    }

    @Provide
    Arbitrary<String> periodSuffixes() {
        return Arbitraries.of("", "-Q1", "-Q4", "-01", "-12");
    }

    private static Arbitrary<LocalDate> epochDays(LocalDate from, LocalDate to) {
        return Arbitraries.longs().between(from.toEpochDay(), to.toEpochDay()).map(LocalDate::ofEpochDay);
    }

    private static Arbitrary<Instant> epochSeconds(Instant from, Instant to) {
        return Combinators.combine(Arbitraries.longs().between(from.getEpochSecond(), to.getEpochSecond()),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Amounts, percentages, whole numbers
    // ---------------------------------------------------------------------------------------------------------

    @Property
    void everyAmountIsRefusedOrFitsAMoneyColumn(@ForAll("anyDecimal") BigDecimal value) {
        BigDecimal kept;
        try {
            kept = Fields.amount("amount", value, 2);
        } catch (InvalidFieldException refused) {
            assertThat(refused.field()).isEqualTo("amount");
            assertThat(refused.code()).isEqualTo("invalid-amount");
            return;
        }
        assertThat(kept).isEqualByComparingTo(value);
        assertThat(kept.signum()).isNotNegative();
        assertThat(kept.scale()).isLessThanOrEqualTo(2);
        assertThat(kept.precision() - kept.scale()).as("digits before the point, numeric(19, 2) holds 17")
                .isLessThanOrEqualTo(15);
    }

    @Property
    void everyNonNegativeAmountBelowTheLimitWithCentsIsAccepted(@ForAll("moneyAmounts") BigDecimal value) {
        assertThat(Fields.amount("amount", value, 2)).isEqualByComparingTo(value);
    }

    @Property
    void aPercentageIsAcceptedExactlyFrom0To100WithCents(@ForAll("anyDecimal") BigDecimal value) {
        boolean valid = value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0 && value.scale() <= 2;
        InvalidFieldException refused = catchThrowableOfType(InvalidFieldException.class,
                () -> Fields.percent("ourShare", value));

        if (valid) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused.field()).isEqualTo("ourShare");
            assertThat(refused.code()).isIn("invalid-amount", "out-of-range");
        }
    }

    @Property
    void aWholeNumberIsAcceptedExactlyInItsRange(@ForAll int value) {
        InvalidFieldException refused = catchThrowableOfType(InvalidFieldException.class,
                () -> Fields.integer("leadTimeDays", value, 0, 3650));

        if (value >= 0 && value <= 3650) {
            assertThat(refused).isNull();
        } else {
            assertThat(refused.field()).isEqualTo("leadTimeDays");
            assertThat(refused.code()).isEqualTo("out-of-range");
        }
    }

    @Property
    void aDealsLinesAreRefusedOrTotalAndCostWhatAnAmountHolds(@ForAll("lines") List<LineItem> lines) {
        BigDecimal total;
        try {
            total = LineItem.totalOf(lines);
        } catch (InvalidFieldException refused) {
            assertThat(refused.field()).isEqualTo("quantity");
            assertThat(refused.code()).isEqualTo("out-of-range");
            return;
        }
        assertThat(total).isLessThan(AMOUNT_LIMIT);
        assertThat(lines.stream().map(LineItem::cost).filter(cost -> cost != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isLessThan(AMOUNT_LIMIT);
    }

    @Provide
    Arbitrary<BigDecimal> anyDecimal() {
        return Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.TEN.pow(20).negate(),
                        BigInteger.TEN.pow(20)), Arbitraries.integers().between(-20, 20))
                .as(BigDecimal::new);
    }

    @Provide
    Arbitrary<BigDecimal> moneyAmounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999999999.99"))
                .ofScale(2);
    }

    @Provide
    Arbitrary<List<LineItem>> lines() {
        Arbitrary<BigDecimal> quantities = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.001"), new BigDecimal("999999999999999.999")).ofScale(3);
        Arbitrary<BigDecimal> prices = Arbitraries.bigDecimals()
                .between(BigDecimal.ZERO, new BigDecimal("999999999999999.9999")).ofScale(4);
        Arbitrary<BigDecimal> discounts = Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100))
                .ofScale(2).injectNull(0.3);
        return Combinators.combine(quantities, prices, discounts, prices.injectNull(0.3))
                .as((quantity, price, discount, cost) -> new LineItem("line-1", "product-1", "Press", null, quantity,
                        price, discount, cost).validated())
                .list().ofMinSize(1).ofMaxSize(5);
    }
}
