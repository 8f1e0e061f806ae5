package io.relais.forecast;

import io.relais.common.CommandFixtures;
import io.relais.common.InvalidFieldException;
import io.relais.common.NotPermittedException;
import io.relais.common.RefusalMatchers;
import io.relais.organisation.TestOrganisation;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.time.LocalDate;

import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.REP;

/**
 * What the fixture tests of the forecast reference data ({@link ExchangeRatesTest}, {@link SalesTargetTest}) use:
 * the organisation, the reporting currency, sample rates and targets, and matchers.
 *
 * <p>Who is who: {@link TestOrganisation#salesTeam()}. Unless a test names the actor, commands are sent by ADMIN.
 * The reporting currency is EUR.
 */
final class ForecastFixtures {

    static final String REPORTING = "EUR";

    static final String SYSTEM = "system:forecast-import";

    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate FEB_1 = LocalDate.of(2026, 2, 1);

    static final String USD_RATES = SetExchangeRate.ratesId("USD");
    static final String Q3 = "2026-Q3";
    static final String REP_Q3 = SetSalesTarget.targetId(REP, Q3);

    private ForecastFixtures() {
    }

    static FixtureConfiguration<ExchangeRates> exchangeRatesFixture() {
        return exchangeRatesFixture(REPORTING);
    }

    /** A fixture reporting in {@code reportingCurrency}, sending commands as {@link #ADMIN} unless told otherwise. */
    static FixtureConfiguration<ExchangeRates> exchangeRatesFixture(String reportingCurrency) {
        return configured(ExchangeRates.class, reportingCurrency);
    }

    /** A fixture sending commands as {@link #ADMIN} unless told otherwise. */
    static FixtureConfiguration<SalesTarget> salesTargetFixture() {
        return configured(SalesTarget.class, REPORTING);
    }

    private static <T> FixtureConfiguration<T> configured(Class<T> aggregate, String reportingCurrency) {
        FixtureConfiguration<T> fixture = CommandFixtures.fixture(aggregate, TestOrganisation.salesTeam(), ADMIN);
        fixture.registerInjectableResource(new ReportingCurrency(reportingCurrency));
        return fixture;
    }

    /** A USD rate into EUR, as recorded. */
    static ExchangeRateSet usdRate(LocalDate validFrom, String rate, String previousRate) {
        return new ExchangeRateSet(USD_RATES, "USD", validFrom, new BigDecimal(rate), REPORTING,
                previousRate == null ? null : new BigDecimal(previousRate));
    }

    static SetExchangeRate setUsd(LocalDate validFrom, String rate) {
        return SetExchangeRate.of("USD", validFrom, rate == null ? null : new BigDecimal(rate));
    }

    /** REP's target for {@link #Q3}, as recorded. */
    static SalesTargetSet repTarget(String amount, String previousAmount) {
        return new SalesTargetSet(REP_Q3, REP, Q3, new BigDecimal(amount), REPORTING,
                previousAmount == null ? null : new BigDecimal(previousAmount));
    }

    static SetSalesTarget setRepTarget(String amount) {
        return SetSalesTarget.of(REP, Q3, amount == null ? null : new BigDecimal(amount));
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return RefusalMatchers.invalidField(field, code);
    }

    /** Matches a {@link NotPermittedException}. */
    static Matcher<Throwable> forbidden() {
        return RefusalMatchers.forbidden();
    }
}
