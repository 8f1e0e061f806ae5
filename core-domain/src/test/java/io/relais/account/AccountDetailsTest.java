package io.relais.account;

import io.relais.common.InvalidFieldException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountDetailsTest {

    private static final String SIREN = "732829320";
    private static final String SIRET = "73282932000074";
    private static final String OTHER_SIREN = "552100554";
    private static final String OTHER_SIRET = "55210055400013";
    private static final Address BILLING = new Address("1 rue X", "69002", "Lyon", "FR");
    private static final Address DELIVERY = new Address("2 quai Y", "69007", "Lyon", "FR");

    private static final AccountDetails EMPTY = details().build();

    /** Every field filled with a valid, already normalised value. */
    private static final AccountDetails FULL = details().legalName("Acme SARL").tradeName("Acme")
            .billingAddress(BILLING).deliveryAddress(DELIVERY).phone("+33 4 72 00 00 00")
            .website("https://acme.example.fr").siren(SIREN).siret(SIRET).nafCode("62.01Z").headcount(120)
            .annualRevenue("1500000").ownershipNotes("Family owned").paymentTerms("30 days net")
            .creditLimit("50000").purchaseVolume("250000.5").ourShare("12.5").businessTarget("40000.25").build();

    /** The legal name alone: the least a prospect needs. */
    private static final AccountDetails NAMED = details().legalName("Acme SARL").build();

    /** Every field filled, each with another value than in {@link #FULL} (another company's SIREN and SIRET). */
    private static final AccountDetails OTHER_FULL = details().legalName("Acme Lyon SARL").tradeName("Acme Lyon")
            .billingAddress(new Address("5 place Bellecour", "69002", "Lyon", "FR"))
            .deliveryAddress(new Address("3 rue Z", "69003", "Lyon", "FR")).phone("+33 4 78 00 00 00")
            .website("https://acme-lyon.example.fr").siren(OTHER_SIREN).siret(OTHER_SIRET).nafCode("46.51Z")
            .headcount(80).annualRevenue("900000").ownershipNotes("Listed").paymentTerms("45 days")
            .creditLimit("75000").purchaseVolume("100000").ourShare("20").businessTarget("15000").build();

    @Nested
    class Validated {

        @Test
        void keepsValidNormalisedDetailsAsTheyAre() {
            assertThat(FULL.validated()).isEqualTo(FULL);
        }

        @Test
        void acceptsTheLegalNameAlone() {
            assertThat(NAMED.validated()).isEqualTo(NAMED);
        }

        @Test
        void trimsAndNormalisesEveryField() {
            AccountDetails padded = details().legalName("  Acme SARL ").tradeName(" Acme\t")
                    .billingAddress(new Address(" 1 rue X ", " 69002", "Lyon ", " fr "))
                    .deliveryAddress(new Address("2 quai Y ", "69007 ", " Lyon", "Fr"))
                    .phone(" +33 4 72 00 00 00 ").website(" https://acme.example.fr ").siren(" 732 829 320 ")
                    .siret(" 732 829 320 00074 ").nafCode(" 6201z ").headcount(120).annualRevenue("1500000.00")
                    .ownershipNotes(" Family owned ").paymentTerms(" 30 days net ").creditLimit("50000.0")
                    .purchaseVolume("250000.50").ourShare("12.50").businessTarget("40000.25").build();

            assertThat(padded.validated()).isEqualTo(FULL);
        }

        @Test
        void turnsBlankFieldsIntoNull() {
            AccountDetails blank = details().legalName("Acme SARL").tradeName(" ").phone("\t").website("  ")
                    .siren(" ").siret("").nafCode(" ").ownershipNotes("\n").paymentTerms("   ").build();

            assertThat(blank.validated()).isEqualTo(NAMED);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "\t\n"})
        void requiresALegalName(String legalName) {
            assertRefused(details().from(FULL).legalName(legalName).build(), "legalName", "required");
        }

        @Test
        void refusesEmptyDetails() {
            assertRefused(EMPTY, "legalName", "required");
        }

        @ParameterizedTest(name = "{0} = {1} -> {2}")
        @MethodSource("io.relais.account.AccountDetailsTest#invalidValues")
        void refusesAnInvalidValueNamingTheField(String field, AccountDetails details, String code) {
            assertRefused(details, field, code);
        }

        @ParameterizedTest(name = "{0} accepts {1} characters")
        @MethodSource("io.relais.account.AccountDetailsTest#maximumLengths")
        void acceptsTheMaximumLength(AccountField field, int maxLength) {
            String longest = "a".repeat(maxLength);

            assertThat(field.valueIn(withText(field, longest).validated())).isEqualTo(longest);
        }

        @ParameterizedTest(name = "{0} refuses {1} + 1 characters")
        @MethodSource("io.relais.account.AccountDetailsTest#maximumLengths")
        void refusesOneCharacterOverTheMaximumLength(AccountField field, int maxLength) {
            assertRefused(withText(field, "a".repeat(maxLength + 1)), field.fieldName(), "too-long");
        }

        private AccountDetails withText(AccountField field, String value) {
            AccountDetailsBuilder builder = details().from(FULL);
            return switch (field) {
                case LEGAL_NAME -> builder.legalName(value).build();
                case TRADE_NAME -> builder.tradeName(value).build();
                case OWNERSHIP_NOTES -> builder.ownershipNotes(value).build();
                case PAYMENT_TERMS -> builder.paymentTerms(value).build();
                default -> throw new IllegalArgumentException(field.name());
            };
        }
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of("legalName", details().from(FULL).legalName("Acme\u0000").build(), "invalid-characters"),
                Arguments.of("phone", details().from(FULL).phone("call me").build(), "invalid-phone"),
                Arguments.of("website", details().from(FULL).website("not a website").build(), "invalid-website"),
                Arguments.of("siren", details().from(FULL).siren("732829321").siret(null).build(), "invalid-siren"),
                Arguments.of("siren", details().from(FULL).siren("73282932").siret(null).build(), "invalid-siren"),
                Arguments.of("siret", details().from(FULL).siret("73282932000075").build(), "invalid-siret"),
                Arguments.of("siret", details().from(FULL).siret(SIREN).build(), "invalid-siret"),
                Arguments.of("nafCode", details().from(FULL).nafCode("62.01").build(), "invalid-naf-code"),
                Arguments.of("nafCode", details().from(FULL).nafCode("6.201Z").build(), "invalid-naf-code"));
    }

    static Stream<Arguments> maximumLengths() {
        return Stream.of(
                Arguments.of(AccountField.LEGAL_NAME, 200),
                Arguments.of(AccountField.TRADE_NAME, 200),
                Arguments.of(AccountField.OWNERSHIP_NOTES, 2000),
                Arguments.of(AccountField.PAYMENT_TERMS, 100));
    }

    @Nested
    class RegistrationNumbers {

        @Test
        void derivesTheSirenFromTheSiretWhenItIsMissing() {
            AccountDetails details = details().from(NAMED).siret(SIRET).build();

            assertThat(details.validated()).isEqualTo(details().from(NAMED).siren(SIREN).siret(SIRET).build());
        }

        @Test
        void derivesTheSirenFromTheSiretWhenItIsBlank() {
            AccountDetails details = details().from(NAMED).siren("  ").siret(OTHER_SIRET).build();

            assertThat(details.validated().siren()).isEqualTo(OTHER_SIREN);
        }

        @Test
        void keepsASirenWithoutSiret() {
            AccountDetails details = details().from(NAMED).siren(OTHER_SIREN).build();

            assertThat(details.validated()).isEqualTo(details);
        }

        @Test
        void keepsAMatchingSirenAndSiret() {
            AccountDetails details = details().from(NAMED).siren(OTHER_SIREN).siret(OTHER_SIRET).build();

            assertThat(details.validated()).isEqualTo(details);
        }

        @Test
        void dropsSpacesInBoth() {
            AccountDetails details = details().from(NAMED).siren("732 829 320").siret("732 829 320 00074").build();

            assertThat(details.validated()).isEqualTo(details().from(NAMED).siren(SIREN).siret(SIRET).build());
        }

        @Test
        void refusesASiretOfAnotherCompany() {
            assertRefused(details().from(NAMED).siren(OTHER_SIREN).siret(SIRET).build(), "siret",
                    "siret-siren-mismatch");
        }

        @Test
        void refusesASiretOfAnotherCompanyWhateverTheSpacing() {
            assertRefused(details().from(NAMED).siren(" 552 100 554 ").siret(SIRET).build(), "siret",
                    "siret-siren-mismatch");
        }
    }

    @Nested
    class Amounts {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#amountFields")
        void refusesANegativeAmount(AccountField field) {
            assertRefused(withAmount(field, "-0.01"), field.fieldName(), "invalid-amount");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#amountFields")
        void refusesMoreThanTwoDecimals(AccountField field) {
            assertRefused(withAmount(field, "10.125"), field.fieldName(), "invalid-amount");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#amountFields")
        void refusesMoreThanTwoDecimalsEvenWhenTheyAreZeros(AccountField field) {
            assertRefused(withAmount(field, "10.000"), field.fieldName(), "invalid-amount");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#amountFields")
        void refusesMoreThanFifteenIntegerDigits(AccountField field) {
            assertRefused(withAmount(field, "1234567890123456"), field.fieldName(), "invalid-amount");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#amountFields")
        void refusesMoreThanFifteenIntegerDigitsWrittenWithAnExponent(AccountField field) {
            assertRefused(withAmount(field, "1E+15"), field.fieldName(), "invalid-amount");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#amountFields")
        void acceptsZero(AccountField field) {
            assertThat(field.valueIn(withAmount(field, "0").validated())).isEqualTo(BigDecimal.ZERO);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#amountFields")
        void acceptsTwoDecimals(AccountField field) {
            assertThat(field.valueIn(withAmount(field, "12.34").validated())).isEqualTo(new BigDecimal("12.34"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#amountFields")
        void acceptsNull(AccountField field) {
            assertThat(field.valueIn(withAmount(field, null).validated())).isNull();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = AccountField.class,
                names = {"ANNUAL_REVENUE", "CREDIT_LIMIT", "PURCHASE_VOLUME", "BUSINESS_TARGET"})
        void acceptsFifteenIntegerDigitsAndTwoDecimals(AccountField field) {
            BigDecimal largest = new BigDecimal("999999999999999.99");

            assertThat(field.valueIn(withAmount(field, largest.toPlainString()).validated())).isEqualTo(largest);
        }

        @ParameterizedTest(name = "{1} -> {2}")
        @MethodSource("io.relais.account.AccountDetailsTest#normalisedAmounts")
        void dropsTrailingZerosWithoutGoingToAnExponent(AccountField field, String given, String normalised) {
            BigDecimal value = (BigDecimal) field.valueIn(withAmount(field, given).validated());

            assertThat(value).isEqualTo(new BigDecimal(normalised));
            assertThat(value.toString()).isEqualTo(normalised);
        }

        @Test
        void acceptsAShareOfAHundredPercent() {
            assertThat(withAmount(AccountField.OUR_SHARE, "100.00").validated().ourShare())
                    .isEqualTo(new BigDecimal("100"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"100.01", "101", "1000"})
        void refusesAShareOverAHundredPercent(String share) {
            assertRefused(withAmount(AccountField.OUR_SHARE, share), "ourShare", "out-of-range");
        }

        @Test
        void refusesANegativeShareAsAnInvalidAmount() {
            assertRefused(withAmount(AccountField.OUR_SHARE, "-1"), "ourShare", "invalid-amount");
        }

        private AccountDetails withAmount(AccountField field, String value) {
            BigDecimal amount = value == null ? null : new BigDecimal(value);
            AccountDetailsBuilder builder = details().from(FULL);
            return switch (field) {
                case ANNUAL_REVENUE -> builder.annualRevenue(amount).build();
                case CREDIT_LIMIT -> builder.creditLimit(amount).build();
                case PURCHASE_VOLUME -> builder.purchaseVolume(amount).build();
                case OUR_SHARE -> builder.ourShare(amount).build();
                case BUSINESS_TARGET -> builder.businessTarget(amount).build();
                default -> throw new IllegalArgumentException(field.name());
            };
        }
    }

    static Stream<AccountField> amountFields() {
        return Stream.of(AccountField.ANNUAL_REVENUE, AccountField.CREDIT_LIMIT, AccountField.PURCHASE_VOLUME,
                AccountField.OUR_SHARE, AccountField.BUSINESS_TARGET);
    }

    static Stream<Arguments> normalisedAmounts() {
        return Stream.of(
                Arguments.of(AccountField.ANNUAL_REVENUE, "1000.00", "1000"),
                Arguments.of(AccountField.ANNUAL_REVENUE, "1E+3", "1000"),
                Arguments.of(AccountField.CREDIT_LIMIT, "50000.0", "50000"),
                Arguments.of(AccountField.CREDIT_LIMIT, "0.00", "0"),
                Arguments.of(AccountField.PURCHASE_VOLUME, "12.50", "12.5"),
                Arguments.of(AccountField.PURCHASE_VOLUME, "100.10", "100.1"),
                Arguments.of(AccountField.OUR_SHARE, "12.50", "12.5"),
                Arguments.of(AccountField.OUR_SHARE, "100.0", "100"),
                Arguments.of(AccountField.BUSINESS_TARGET, "40000.25", "40000.25"),
                Arguments.of(AccountField.BUSINESS_TARGET, "7", "7"));
    }

    @Nested
    class Headcount {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 250, 10_000_000})
        void acceptsAHeadcountInRange(int headcount) {
            assertThat(details().from(FULL).headcount(headcount).build().validated().headcount()).isEqualTo(headcount);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 10_000_001, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void refusesAHeadcountOutOfRange(int headcount) {
            assertRefused(details().from(FULL).headcount(headcount).build(), "headcount", "out-of-range");
        }

        @Test
        void acceptsNoHeadcount() {
            assertThat(details().from(FULL).headcount(null).build().validated().headcount()).isNull();
        }
    }

    @Nested
    class NafCode {

        @ParameterizedTest
        @ValueSource(strings = {"62.01Z", "6201Z", "6201z", "62.01z", " 62.01Z "})
        void isStoredWithItsDotInUpperCase(String nafCode) {
            assertThat(details().from(NAMED).nafCode(nafCode).build().validated().nafCode()).isEqualTo("62.01Z");
        }
    }

    @Nested
    class Addresses {

        @Test
        void areValidatedUnderTheirOwnNames() {
            assertRefused(details().from(FULL).billingAddress(new Address("1 rue X", "69002", "Lyon", "XX")).build(),
                    "billingAddress.country", "invalid-country");
            assertRefused(details().from(FULL).deliveryAddress(new Address("a".repeat(201), null, null, null))
                    .build(), "deliveryAddress.street", "too-long");
        }

        @Test
        void areTrimmedAndNormalised() {
            AccountDetails details = details().from(NAMED)
                    .billingAddress(new Address(" 1 rue X ", "69002", "Lyon", "fr"))
                    .deliveryAddress(new Address(null, " 69007 ", null, " fr")).build();

            AccountDetails valid = details.validated();

            assertThat(valid.billingAddress()).isEqualTo(BILLING);
            assertThat(valid.deliveryAddress()).isEqualTo(new Address(null, "69007", null, "FR"));
        }

        @Test
        void becomeNullWhenEveryPartIsBlank() {
            AccountDetails details = details().from(NAMED).billingAddress(new Address(" ", "", null, "\t"))
                    .deliveryAddress(new Address(null, null, null, null)).build();

            assertThat(details.validated()).isEqualTo(NAMED);
        }
    }

    @Nested
    class MissingForCustomer {

        @Test
        void nothingWhenEverythingTheErpNeedsIsThere() {
            assertThat(FULL.missingForCustomer()).isEmpty();
        }

        @Test
        void nothingWhenOnlyTheErpFieldsAreThere() {
            AccountDetails minimal = details().legalName("Acme SARL").billingAddress(BILLING).siret(SIRET)
                    .nafCode("62.01Z").paymentTerms("30 days net").build();

            assertThat(minimal.missingForCustomer()).isEmpty();
        }

        @Test
        void everyErpFieldForEmptyDetailsInOrder() {
            assertThat(EMPTY.missingForCustomer())
                    .containsExactly("legalName", "billingAddress", "siret", "nafCode", "paymentTerms");
        }

        @Test
        void allButTheLegalNameForAFreshProspect() {
            assertThat(NAMED.missingForCustomer()).containsExactly("billingAddress", "siret", "nafCode", "paymentTerms");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.account.AccountDetailsTest#withoutOneErpField")
        void exactlyTheOneThatIsMissing(String field, AccountDetails details) {
            assertThat(details.missingForCustomer()).containsExactly(field);
        }

        @ParameterizedTest(name = "without {0}")
        @MethodSource("io.relais.account.AccountDetailsTest#incompleteAddresses")
        void countsAnIncompleteBillingAddressAsMissing(String part, Address address) {
            assertThat(details().from(FULL).billingAddress(address).build().missingForCustomer())
                    .containsExactly("billingAddress");
        }

        @Test
        void doesNotNeedTheSirenOrTheDeliveryAddressOrTheCreditLimit() {
            AccountDetails details = details().from(FULL).siren(null).deliveryAddress(null).creditLimit((BigDecimal) null).build();

            assertThat(details.missingForCustomer()).isEmpty();
        }

        @Test
        void ignoresAnIncompleteDeliveryAddress() {
            AccountDetails details = details().from(FULL).deliveryAddress(new Address(null, null, "Lyon", null))
                    .build();

            assertThat(details.missingForCustomer()).isEmpty();
        }

        @Test
        void listsSeveralAtOnce() {
            AccountDetails details = details().from(FULL).billingAddress(new Address("1 rue X", null, "Lyon", "FR"))
                    .paymentTerms(null).build();

            assertThat(details.missingForCustomer()).containsExactly("billingAddress", "paymentTerms");
        }
    }

    static Stream<Arguments> withoutOneErpField() {
        return Stream.of(
                Arguments.of("legalName", details().from(FULL).legalName(null).build()),
                Arguments.of("billingAddress", details().from(FULL).billingAddress(null).build()),
                Arguments.of("siret", details().from(FULL).siret(null).build()),
                Arguments.of("nafCode", details().from(FULL).nafCode(null).build()),
                Arguments.of("paymentTerms", details().from(FULL).paymentTerms(null).build()));
    }

    static Stream<Arguments> incompleteAddresses() {
        return Stream.of(
                Arguments.of("street", new Address(null, "69002", "Lyon", "FR")),
                Arguments.of("postalCode", new Address("1 rue X", null, "Lyon", "FR")),
                Arguments.of("city", new Address("1 rue X", "69002", null, "FR")),
                Arguments.of("country", new Address("1 rue X", "69002", "Lyon", null)),
                Arguments.of("everything", new Address(null, null, null, null)));
    }

    @Nested
    class Fields {

        @Test
        void coverEveryDetailInTheRecordsOrder() {
            String[] components = Arrays.stream(AccountDetails.class.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toArray(String[]::new);
            String[] fieldNames = Arrays.stream(AccountField.values())
                    .map(AccountField::fieldName)
                    .toArray(String[]::new);

            assertThat(fieldNames).containsExactly(components);
        }

        @ParameterizedTest
        @EnumSource(AccountField.class)
        void readTheMatchingDetail(AccountField field) throws Exception {
            Object expected = AccountDetails.class.getMethod(field.fieldName()).invoke(FULL);

            assertThat(field.valueIn(FULL)).isNotNull().isEqualTo(expected);
        }

        @ParameterizedTest
        @EnumSource(AccountField.class)
        void readNothingFromNoDetails(AccountField field) {
            assertThat(field.valueIn(null)).isNull();
        }

        @ParameterizedTest
        @EnumSource(AccountField.class)
        void copyOnlyTheirOwnDetail(AccountField field) {
            AccountDetails copied = field.copy(FULL, EMPTY);

            assertThat(field.valueIn(copied)).isEqualTo(field.valueIn(FULL));
            for (AccountField other : AccountField.values()) {
                if (other != field) {
                    assertThat(other.valueIn(copied)).as(other.fieldName()).isNull();
                }
            }
        }

        @ParameterizedTest
        @EnumSource(AccountField.class)
        void clearTheirDetailWhenCopiedFromEmptyDetails(AccountField field) {
            AccountDetails cleared = field.copy(EMPTY, FULL);

            assertThat(field.valueIn(cleared)).isNull();
            for (AccountField other : AccountField.values()) {
                if (other != field) {
                    assertThat(other.valueIn(cleared)).as(other.fieldName()).isEqualTo(other.valueIn(FULL));
                }
            }
        }

        @Test
        void theErpMastersTheLegalIdentityInvoicingAddressAndPaymentTerms() {
            List<String> erpMastered = Arrays.stream(AccountField.values()).filter(AccountField::erpMastered)
                    .map(AccountField::fieldName).toList();

            assertThat(erpMastered).containsExactly("legalName", "billingAddress", "siren", "siret", "nafCode",
                    "paymentTerms", "creditLimit");
        }

        @Test
        void theErpMastersEveryFieldACustomerNeeds() {
            for (String needed : EMPTY.missingForCustomer()) {
                assertThat(AccountField.byName(needed)).as(needed).hasValueSatisfying(
                        field -> assertThat(field.erpMastered()).isTrue());
            }
        }

        @ParameterizedTest
        @EnumSource(AccountField.class)
        void areFoundByTheirClientName(AccountField field) {
            assertThat(AccountField.byName(field.fieldName())).contains(field);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "unknown", "LEGAL_NAME", "legalname", "LegalName", " siret", "siret ", "status",
                "erpId", "ownerId"})
        void areNotFoundByAnyOtherName(String name) {
            assertThat(AccountField.byName(name)).isEmpty();
        }
    }

    @Nested
    class FilledFrom {

        @Test
        void takesEveryFieldIntoEmptyDetails() {
            assertThat(EMPTY.filledFrom(FULL, false)).isEqualTo(FULL);
        }

        @Test
        void keepsEveryFieldFilledHere() {
            assertThat(FULL.filledFrom(OTHER_FULL, false)).isEqualTo(FULL);
        }

        @Test
        void takesNothingFromEmptyDetails() {
            assertThat(FULL.filledFrom(EMPTY, false)).isEqualTo(FULL);
            assertThat(NAMED.filledFrom(EMPTY, false)).isEqualTo(NAMED);
        }

        @ParameterizedTest
        @EnumSource(value = AccountField.class, mode = EnumSource.Mode.EXCLUDE, names = {"SIREN", "SIRET"})
        void fillsTheOneBlankFromTheOtherAndKeepsTheRest(AccountField field) {
            AccountDetails withBlank = field.copy(EMPTY, FULL);

            AccountDetails filled = withBlank.filledFrom(OTHER_FULL, false);

            for (AccountField each : AccountField.values()) {
                assertThat(each.valueIn(filled)).as(each.fieldName())
                        .isEqualTo(each.valueIn(each == field ? OTHER_FULL : FULL));
            }
        }

        @ParameterizedTest
        @EnumSource(AccountField.class)
        void leavesTheErpMasteredBlanksWhenTheErpMastersThem(AccountField field) {
            AccountDetails filled = EMPTY.filledFrom(FULL, true);

            assertThat(field.valueIn(filled)).isEqualTo(field.erpMastered() ? null : field.valueIn(FULL));
        }

        @Test
        void keepsTheErpMasteredValuesHereWhenTheErpMastersThem() {
            assertThat(FULL.filledFrom(OTHER_FULL, true)).isEqualTo(FULL);
        }

        @Test
        void takesBothRegistrationNumbersWhenThereAreNoneHere() {
            assertThat(NAMED.filledFrom(details().siren(SIREN).siret(SIRET).build(), false))
                    .isEqualTo(details().from(NAMED).siren(SIREN).siret(SIRET).build());
        }

        @Test
        void takesASirenAloneWhenTheOtherHasNoSiret() {
            assertThat(NAMED.filledFrom(details().siren(SIREN).build(), false))
                    .isEqualTo(details().from(NAMED).siren(SIREN).build());
        }

        @Test
        void takesTheSiretOfTheSirenHere() {
            AccountDetails here = details().from(NAMED).siren(SIREN).build();

            assertThat(here.filledFrom(details().siren(SIREN).siret(SIRET).build(), false))
                    .isEqualTo(details().from(NAMED).siren(SIREN).siret(SIRET).build());
        }

        @Test
        void takesTheSirenOfTheSiretHere() {
            AccountDetails here = details().from(NAMED).siret(SIRET).build();

            assertThat(here.filledFrom(details().siren(SIREN).build(), false))
                    .isEqualTo(details().from(NAMED).siren(SIREN).siret(SIRET).build());
        }

        @Test
        void leavesOutASiretThatDoesNotBelongToTheSirenHere() {
            AccountDetails here = details().from(NAMED).siren(SIREN).build();

            assertThat(here.filledFrom(details().siren(OTHER_SIREN).siret(OTHER_SIRET).build(), false))
                    .isEqualTo(here);
        }

        @Test
        void leavesOutASirenTheSiretHereDoesNotBelongTo() {
            AccountDetails here = details().from(NAMED).siret(SIRET).build();

            assertThat(here.filledFrom(details().siren(OTHER_SIREN).siret(OTHER_SIRET).build(), false))
                    .isEqualTo(here);
        }

        @Test
        void stillTakesTheOtherBlanksWhenLeavingOutARegistrationNumber() {
            AccountDetails here = details().from(NAMED).siren(SIREN).build();

            assertThat(here.filledFrom(OTHER_FULL, false))
                    .isEqualTo(details().from(OTHER_FULL).legalName("Acme SARL").siren(SIREN).siret(null).build());
        }

        @Test
        void keepsAMismatchedPairStoredUnderOlderRulesAsItIs() {
            AccountDetails legacy = details().from(NAMED).siren(SIREN).siret(OTHER_SIRET).build();

            assertThat(legacy.filledFrom(FULL, false))
                    .isEqualTo(details().from(FULL).siren(SIREN).siret(OTHER_SIRET).build());
        }

        @Test
        void takesNoRegistrationNumberWhenTheErpMastersThem() {
            assertThat(NAMED.filledFrom(details().siren(SIREN).siret(SIRET).build(), true)).isEqualTo(NAMED);
        }
    }

    @Nested
    class WithErpFieldsFrom {

        @ParameterizedTest
        @EnumSource(AccountField.class)
        void takesEachErpMasteredFieldFromTheErpRecordAndKeepsTheOthers(AccountField field) {
            AccountDetails taken = FULL.withErpFieldsFrom(OTHER_FULL);

            assertThat(field.valueIn(taken)).isEqualTo(field.valueIn(field.erpMastered() ? OTHER_FULL : FULL));
        }

        @Test
        void takesTheErpFieldsIntoEmptyDetails() {
            assertThat(EMPTY.withErpFieldsFrom(FULL)).isEqualTo(details().legalName("Acme SARL").billingAddress(BILLING)
                    .siren(SIREN).siret(SIRET).nafCode("62.01Z").paymentTerms("30 days net").creditLimit("50000")
                    .build());
        }

        @Test
        void keepsItsOwnValuesWhereTheErpRecordHasNone() {
            assertThat(FULL.withErpFieldsFrom(EMPTY)).isEqualTo(FULL);
        }

        @Test
        void dropsItsOwnSiretWhenTheErpGivesAnotherSiren() {
            assertThat(FULL.withErpFieldsFrom(details().siren(OTHER_SIREN).build()))
                    .isEqualTo(details().from(FULL).siren(OTHER_SIREN).siret(null).build());
        }

        @Test
        void dropsItsOwnSirenWhenTheErpGivesASiretOfAnotherCompanyWithoutSiren() {
            assertThat(FULL.withErpFieldsFrom(details().siret(OTHER_SIRET).build()))
                    .isEqualTo(details().from(FULL).siren(null).siret(OTHER_SIRET).build());
        }

        @Test
        void changesNothingWhenTheErpRecordAgrees() {
            assertThat(FULL.withErpFieldsFrom(details().from(FULL).tradeName(null).website(null).build()))
                    .isEqualTo(FULL);
        }
    }

    private static void assertRefused(AccountDetails details, String field, String code) {
        assertThatThrownBy(details::validated)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    static AccountDetailsBuilder details() {
        return new AccountDetailsBuilder();
    }
}
