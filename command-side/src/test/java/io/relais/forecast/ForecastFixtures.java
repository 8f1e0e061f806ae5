package io.relais.forecast;

import io.relais.common.AuditMetadata;
import io.relais.common.InvalidFieldException;
import io.relais.common.NotPermittedException;
import io.relais.common.RefusalMatchers;
import io.relais.organisation.InMemoryOrganisationDirectory;
import io.relais.organisation.Profile;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What the fixture tests of the forecast reference data ({@link ExchangeRatesTest}, {@link SalesTargetTest}) use:
 * the organisation, the reporting currency, sample rates and targets, and matchers.
 *
 * <p>Who is who. Unless a test names the actor, commands are sent by ADMIN. The reporting currency is EUR.
 * <pre>
 *   admin (administrator), former-admin (deactivated administrator)
 *   auditor, analyst, steward (read-only profiles)
 *   director (sales manager)
 *   +-- manager (sales manager)
 *       +-- rep, colleague (sales reps), former-rep (deactivated sales rep)
 *   other-manager (sales manager of another branch)
 *   +-- other-rep (sales rep)
 * </pre>
 */
final class ForecastFixtures {

    static final String REPORTING = "EUR";

    static final String ADMIN = "admin";
    static final String FORMER_ADMIN = "former-admin";
    static final String AUDITOR = "auditor";
    static final String ANALYST = "analyst";
    static final String STEWARD = "steward";
    static final String DIRECTOR = "director";
    static final String MANAGER = "manager";
    static final String REP = "rep";
    static final String COLLEAGUE = "colleague";
    static final String FORMER_REP = "former-rep";
    static final String OTHER_MANAGER = "other-manager";
    static final String OTHER_REP = "other-rep";
    static final String UNKNOWN = "nobody";
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
        return configured(new AggregateTestFixture<>(ExchangeRates.class), reportingCurrency);
    }

    /** A fixture sending commands as {@link #ADMIN} unless told otherwise. */
    static FixtureConfiguration<SalesTarget> salesTargetFixture() {
        return configured(new AggregateTestFixture<>(SalesTarget.class), REPORTING);
    }

    private static <T> FixtureConfiguration<T> configured(FixtureConfiguration<T> fixture, String reportingCurrency) {
        InMemoryOrganisationDirectory directory = new InMemoryOrganisationDirectory()
                .add(ADMIN, Profile.ADMINISTRATOR, null)
                .addInactive(FORMER_ADMIN, Profile.ADMINISTRATOR, null)
                .add(AUDITOR, Profile.AUDITOR, null)
                .add(ANALYST, Profile.ANALYST, null)
                .add(STEWARD, Profile.DATA_STEWARD, null)
                .add(DIRECTOR, Profile.SALES_MANAGER, null)
                .add(MANAGER, Profile.SALES_MANAGER, DIRECTOR)
                .add(REP, Profile.SALES_REP, MANAGER)
                .add(COLLEAGUE, Profile.SALES_REP, MANAGER)
                .addInactive(FORMER_REP, Profile.SALES_REP, MANAGER)
                .add(OTHER_MANAGER, Profile.SALES_MANAGER, null)
                .add(OTHER_REP, Profile.SALES_REP, OTHER_MANAGER);
        fixture.registerInjectableResource(directory.authorization());
        fixture.registerInjectableResource(new ReportingCurrency(reportingCurrency));
        fixture.registerCommandDispatchInterceptor(messages -> (index, message) ->
                message.getMetaData().containsKey(AuditMetadata.USER_ID)
                        ? message
                        : message.andMetaData(Map.of(AuditMetadata.USER_ID, ADMIN)));
        return fixture;
    }

    static Map<String, Object> as(String actorId) {
        return Map.of(AuditMetadata.USER_ID, actorId);
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
