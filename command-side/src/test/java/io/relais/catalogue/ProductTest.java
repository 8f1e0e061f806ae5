package io.relais.catalogue;

import io.relais.common.FieldChange;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.relais.organisation.TestOrganisation.ADMIN;
import static io.relais.organisation.TestOrganisation.ANALYST;
import static io.relais.catalogue.ProductFixtures.APR_1;
import static io.relais.organisation.TestOrganisation.AUDITOR;
import static io.relais.catalogue.ProductFixtures.CONSULTING;
import static io.relais.organisation.TestOrganisation.DIRECTOR;
import static io.relais.organisation.TestOrganisation.FORMER_ADMIN;
import static io.relais.catalogue.ProductFixtures.H1;
import static io.relais.catalogue.ProductFixtures.JAN_1;
import static io.relais.catalogue.ProductFixtures.JUL_1;
import static io.relais.organisation.TestOrganisation.MANAGER;
import static io.relais.catalogue.ProductFixtures.NEXT_JAN_1;
import static io.relais.catalogue.ProductFixtures.OCT_1;
import static io.relais.catalogue.ProductFixtures.OTHER_PRODUCT_ID;
import static io.relais.catalogue.ProductFixtures.OTHER_PRICE_ID;
import static io.relais.catalogue.ProductFixtures.PRICE_ID;
import static io.relais.catalogue.ProductFixtures.PRODUCT_ID;
import static io.relais.organisation.TestOrganisation.REP;
import static io.relais.organisation.TestOrganisation.STEWARD;
import static io.relais.catalogue.ProductFixtures.SYSTEM;
import static io.relais.organisation.TestOrganisation.UNKNOWN;
import static io.relais.catalogue.ProductFixtures.WIDGET;
import static io.relais.common.CommandFixtures.as;
import static io.relais.catalogue.ProductFixtures.conflict;
import static io.relais.catalogue.ProductFixtures.created;
import static io.relais.catalogue.ProductFixtures.discontinued;
import static io.relais.catalogue.ProductFixtures.forbidden;
import static io.relais.catalogue.ProductFixtures.invalidField;
import static io.relais.catalogue.ProductFixtures.notFound;
import static io.relais.catalogue.ProductFixtures.price;
import static io.relais.catalogue.ProductFixtures.priced;
import static io.relais.catalogue.ProductFixtures.productFixture;
import static io.relais.catalogue.ProductFixtures.refusedAsDiscontinued;
import static io.relais.catalogue.ProductFixtures.standardEur;
import static io.relais.catalogue.ProductFixtures.with;
import static io.relais.common.RefusalMatchers.staleVersion;
import static io.relais.catalogue.ProductFixtures.withCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Fixture tests of the product aggregate, over the organisation of {@link ProductFixtures} (who is who is charted
 * there). Unless a test names the actor, commands are sent by ADMIN, as administrators keep the catalogue.
 */
class ProductTest {

    private FixtureConfiguration<Product> fixture;
    private InMemoryProductCodes codes;

    @BeforeEach
    void setUp() {
        codes = new InMemoryProductCodes();
        fixture = productFixture(codes);
    }

    // ---------------------------------------------------------------------------------------------------------
    // CreateProduct
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Create {

        @Test
        void recordsAProductWithItsDetails() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, WIDGET))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProductCreated(PRODUCT_ID, WIDGET));
        }

        @Test
        void answersWithTheProductIdentifier() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, WIDGET))
                    .expectResultMessagePayload(PRODUCT_ID);
        }

        @Test
        void recordsAServiceWithCodeNameKindAndUnitAlone() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, CONSULTING))
                    .expectEvents(new ProductCreated(PRODUCT_ID, CONSULTING));
        }

        @Test
        void validatesAndNormalisesTheDetails() {
            ProductDetails input = new ProductDetails("  SKU-001 ", " Widget\t", " A fine widget ",
                    ProductKind.PRODUCT, " piece ", 5);

            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, input))
                    .expectEvents(new ProductCreated(PRODUCT_ID, WIDGET));
        }

        @Test
        void turnsABlankDescriptionIntoNull() {
            ProductDetails input = new ProductDetails("CONSULT.DAY", "Consulting day", "   ", ProductKind.SERVICE,
                    "day", null);

            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, input))
                    .expectEvents(new ProductCreated(PRODUCT_ID, CONSULTING));
        }

        @Test
        void letsTheSystemCreate() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, WIDGET), as(SYSTEM))
                    .expectEvents(new ProductCreated(PRODUCT_ID, WIDGET));
        }

        @ParameterizedTest
        @ValueSource(strings = {REP, MANAGER, DIRECTOR, AUDITOR, ANALYST, STEWARD, UNKNOWN, FORMER_ADMIN})
        void refusesAnActorWhoIsNotAnAdministrator(String actor) {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, WIDGET), as(actor))
                    .expectNoEvents()
                    .expectException(forbidden())
                    .expectExceptionMessage("Only administrators keep the catalogue");
        }

        @Test
        void refusesANonAdministratorBeforeLookingAtTheDetails() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct("product 7", null), as(REP))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @ParameterizedTest
        @ValueSource(strings = {"product/7", "product 7", " product-7", "product-7 ", "produit-\u00e9"})
        void refusesAnInvalidProductId(String productId) {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(productId, WIDGET))
                    .expectNoEvents()
                    .expectException(invalidField("productId", "invalid-identifier"));
        }

        @Test
        void refusesMissingDetails() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("name", "required"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("io.relais.catalogue.ProductTest#invalidDetails")
        void refusesAnInvalidDetail(String field, String code, ProductDetails details) {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, details))
                    .expectNoEvents()
                    .expectException(invalidField(field, code));
        }

        @Test
        void claimsTheCodeInLowerCase() {
            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, WIDGET))
                    .expectSuccessfulHandlerExecution();

            assertThat(codes.holders()).isEqualTo(Map.of("sku-001", PRODUCT_ID));
        }

        @ParameterizedTest
        @ValueSource(strings = {"SKU-001", "sku-001", "Sku-001"})
        void refusesACodeAnotherProductHasWhateverItsCase(String code) {
            codes.held("sku-001", OTHER_PRODUCT_ID);

            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, withCode(code)))
                    .expectNoEvents()
                    .expectException(conflict("code", "product-code-exists"))
                    .expectExceptionMessage(containsString(OTHER_PRODUCT_ID));
        }

        @Test
        void aRetryOfTheSameCreationFindsItsOwnClaim() {
            codes.held("sku-001", PRODUCT_ID);

            fixture.givenNoPriorActivity()
                    .when(new CreateProduct(PRODUCT_ID, WIDGET))
                    .expectEvents(new ProductCreated(PRODUCT_ID, WIDGET));
        }
    }

    static Stream<Arguments> invalidDetails() {
        return Stream.of(
                Arguments.of("code", "required", details(null, "Widget", ProductKind.PRODUCT, "piece", null)),
                Arguments.of("code", "required", details("  ", "Widget", ProductKind.PRODUCT, "piece", null)),
                Arguments.of("code", "invalid-identifier", details("SKU 001", "Widget", ProductKind.PRODUCT, "piece",
                        null)),
                Arguments.of("code", "invalid-identifier", details("SKU/001", "Widget", ProductKind.PRODUCT, "piece",
                        null)),
                Arguments.of("code", "too-long", details("S".repeat(101), "Widget", ProductKind.PRODUCT, "piece",
                        null)),
                Arguments.of("name", "required", details("SKU-001", null, ProductKind.PRODUCT, "piece", null)),
                Arguments.of("name", "required", details("SKU-001", " ", ProductKind.PRODUCT, "piece", null)),
                Arguments.of("name", "too-long", details("SKU-001", "n".repeat(201), ProductKind.PRODUCT, "piece",
                        null)),
                Arguments.of("name", "invalid-characters", details("SKU-001", "Wid\u0007get", ProductKind.PRODUCT,
                        "piece", null)),
                Arguments.of("name", "invalid-characters", details("SKU-001", "Widget \ud83d", ProductKind.PRODUCT,
                        "piece", null)),
                Arguments.of("description", "too-long", new ProductDetails("SKU-001", "Widget", "d".repeat(4001),
                        ProductKind.PRODUCT, "piece", null)),
                Arguments.of("kind", "required", details("SKU-001", "Widget", null, "piece", null)),
                Arguments.of("unit", "required", details("SKU-001", "Widget", ProductKind.PRODUCT, null, null)),
                Arguments.of("unit", "required", details("SKU-001", "Widget", ProductKind.PRODUCT, "\t", null)),
                Arguments.of("unit", "too-long", details("SKU-001", "Widget", ProductKind.PRODUCT, "u".repeat(41),
                        null)),
                Arguments.of("leadTimeDays", "out-of-range", details("SKU-001", "Widget", ProductKind.PRODUCT,
                        "piece", -1)),
                Arguments.of("leadTimeDays", "out-of-range", details("SKU-001", "Widget", ProductKind.PRODUCT,
                        "piece", 3651)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // UpdateProduct
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Update {

        @Test
        void replacesTheDetailsListingEveryChangeInFieldOrder() {
            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, CONSULTING, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProductUpdated(PRODUCT_ID, CONSULTING, List.of(
                            new FieldChange("code", "SKU-001", "CONSULT.DAY"),
                            new FieldChange("name", "Widget", "Consulting day"),
                            new FieldChange("description", "A fine widget", null),
                            new FieldChange("kind", "PRODUCT", "SERVICE"),
                            new FieldChange("unit", "piece", "day"),
                            new FieldChange("leadTimeDays", "5", null))))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void listsOnlyTheFieldsThatChange() {
            ProductDetails changed = new ProductDetails("SKU-001", "Widget XL", "A fine widget", ProductKind.PRODUCT,
                    "piece", 10);

            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, changed, null))
                    .expectEvents(new ProductUpdated(PRODUCT_ID, changed, List.of(
                            new FieldChange("name", "Widget", "Widget XL"),
                            new FieldChange("leadTimeDays", "5", "10"))));
        }

        @Test
        void showsFieldsSetForTheFirstTimeWithNoOldValue() {
            ProductDetails changed = new ProductDetails("CONSULT.DAY", "Consulting day", "On site", ProductKind.SERVICE,
                    "day", 0);

            fixture.given(new ProductCreated(PRODUCT_ID, CONSULTING))
                    .when(new UpdateProduct(PRODUCT_ID, changed, null))
                    .expectEvents(new ProductUpdated(PRODUCT_ID, changed, List.of(
                            new FieldChange("description", null, "On site"),
                            new FieldChange("leadTimeDays", null, "0"))));
        }

        @Test
        void validatesAndNormalisesTheNewDetails() {
            ProductDetails input = new ProductDetails(" SKU-001 ", " Widget XL ", "  ", ProductKind.PRODUCT,
                    " piece ", 5);
            ProductDetails normalised = new ProductDetails("SKU-001", "Widget XL", null, ProductKind.PRODUCT,
                    "piece", 5);

            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, input, null))
                    .expectEvents(new ProductUpdated(PRODUCT_ID, normalised, List.of(
                            new FieldChange("name", "Widget", "Widget XL"),
                            new FieldChange("description", "A fine widget", null))));
        }

        @Test
        void emitsNothingAndAnswersTheCurrentVersionWhenNothingChanges() {
            fixture.given(priced())
                    .when(new UpdateProduct(PRODUCT_ID, WIDGET, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingWhenTheOnlyDifferenceIsWhitespace() {
            ProductDetails padded = new ProductDetails(" SKU-001", "Widget ", "\tA fine widget", ProductKind.PRODUCT,
                    "piece ", 5);

            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, padded, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void buildsOnEarlierUpdates() {
            ProductDetails renamed = new ProductDetails("SKU-001", "Widget XL", "A fine widget", ProductKind.PRODUCT,
                    "piece", 5);
            ProductDetails slower = new ProductDetails("SKU-001", "Widget XL", "A fine widget", ProductKind.PRODUCT,
                    "piece", 20);

            fixture.given(created(), new ProductUpdated(PRODUCT_ID, renamed,
                            List.of(new FieldChange("name", "Widget", "Widget XL"))))
                    .when(new UpdateProduct(PRODUCT_ID, slower, null))
                    .expectEvents(new ProductUpdated(PRODUCT_ID, slower,
                            List.of(new FieldChange("leadTimeDays", "5", "20"))))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void acceptsTheCurrentVersionAndAnswersTheNewOne() {
            fixture.given(priced())
                    .when(new UpdateProduct(PRODUCT_ID, CONSULTING, 1L))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void refusesAStaleVersion() {
            fixture.given(priced())
                    .when(new UpdateProduct(PRODUCT_ID, CONSULTING, 0L))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        @Test
        void refusesAVersionTheProductHasNotReached() {
            fixture.given(priced())
                    .when(new UpdateProduct(PRODUCT_ID, CONSULTING, 2L))
                    .expectNoEvents()
                    .expectException(staleVersion(2, 1));
        }

        @Test
        void holdsTheSystemToItsExpectedVersionToo() {
            fixture.given(priced())
                    .when(new UpdateProduct(PRODUCT_ID, CONSULTING, 0L), as(SYSTEM))
                    .expectNoEvents()
                    .expectException(staleVersion(0, 1));
        }

        /** Products are seen by everyone: whoever may not keep the catalogue is told so, whatever the version. */
        @ParameterizedTest(name = "expecting version {0}")
        @ValueSource(longs = {0, 1, 2})
        void refusesWhoeverMayNotKeepTheCatalogueWhateverTheVersion(long version) {
            fixture.given(priced())
                    .when(new UpdateProduct(PRODUCT_ID, CONSULTING, version), as(REP))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesADiscontinuedProduct() {
            fixture.given(discontinued())
                    .when(new UpdateProduct(PRODUCT_ID, CONSULTING, null))
                    .expectNoEvents()
                    .expectException(refusedAsDiscontinued());
        }

        @Test
        void refusesADiscontinuedProductEvenWhenNothingWouldChange() {
            fixture.given(discontinued())
                    .when(new UpdateProduct(PRODUCT_ID, WIDGET, null))
                    .expectNoEvents()
                    .expectException(refusedAsDiscontinued());
        }

        @Test
        void aNewCodeIsClaimedAndTheFormerOneLetGo() {
            codes.held("sku-001", PRODUCT_ID);

            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, withCode("SKU-002"), null))
                    .expectEvents(new ProductUpdated(PRODUCT_ID, withCode("SKU-002"),
                            List.of(new FieldChange("code", "SKU-001", "SKU-002"))));

            assertThat(codes.holders()).isEqualTo(Map.of("sku-002", PRODUCT_ID));
        }

        @Test
        void aChangeOfCaseKeepsTheClaim() {
            codes.held("sku-001", PRODUCT_ID);

            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, withCode("sku-001"), null))
                    .expectEvents(new ProductUpdated(PRODUCT_ID, withCode("sku-001"),
                            List.of(new FieldChange("code", "SKU-001", "sku-001"))));

            assertThat(codes.holders()).isEqualTo(Map.of("sku-001", PRODUCT_ID));
        }

        @Test
        void refusesACodeAnotherProductHasAndKeepsItsOwn() {
            codes.held("sku-001", PRODUCT_ID).held("sku-002", OTHER_PRODUCT_ID);

            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, withCode("Sku-002"), null))
                    .expectNoEvents()
                    .expectException(conflict("code", "product-code-exists"));

            assertThat(codes.holders()).isEqualTo(Map.of("sku-001", PRODUCT_ID, "sku-002", OTHER_PRODUCT_ID));
        }

        /** A duplicate made before codes were unique: the product that kept the code is the other one. */
        @Test
        void refusesAnyChangeOfAProductWhoseCodeAnotherHoldsUntilItTakesAFreeOne() {
            codes.held("sku-001", OTHER_PRODUCT_ID);
            ProductDetails renamed = new ProductDetails("SKU-001", "Widget XL", "A fine widget", ProductKind.PRODUCT,
                    "piece", 5);

            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, renamed, null))
                    .expectNoEvents()
                    .expectException(conflict("code", "product-code-exists"));
            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, withCode("SKU-001-B"), null))
                    .expectSuccessfulHandlerExecution();

            assertThat(codes.holders()).isEqualTo(Map.of("sku-001", OTHER_PRODUCT_ID, "sku-001-b", PRODUCT_ID));
        }

        @Test
        void refusesMissingDetails() {
            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, null, null))
                    .expectNoEvents()
                    .expectException(invalidField("name", "required"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("io.relais.catalogue.ProductTest#invalidDetails")
        void refusesAnInvalidDetail(String field, String code, ProductDetails details) {
            fixture.given(created())
                    .when(new UpdateProduct(PRODUCT_ID, details, null))
                    .expectNoEvents()
                    .expectException(invalidField(field, code));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // AddProductPrice
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class AddPrice {

        @Test
        void addsThePrice() {
            fixture.given(created())
                    .when(new AddProductPrice(PRODUCT_ID, H1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProductPriceAdded(PRODUCT_ID, H1))
                    .expectResultMessagePayload(1L);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void putsAPriceWithoutAListInTheStandardList(String priceList) {
            fixture.given(created())
                    .when(new AddProductPrice(PRODUCT_ID, price(PRICE_ID, priceList, "EUR", JAN_1, JUL_1)))
                    .expectEvents(new ProductPriceAdded(PRODUCT_ID, H1));
        }

        @Test
        void keepsAnotherListByItsName() {
            ProductPrice partners = price(PRICE_ID, "PARTNERS", "EUR", JAN_1, null);

            fixture.given(created())
                    .when(new AddProductPrice(PRODUCT_ID, price(PRICE_ID, " PARTNERS ", "EUR", JAN_1, null)))
                    .expectEvents(new ProductPriceAdded(PRODUCT_ID, partners));
        }

        @ParameterizedTest
        @ValueSource(strings = {"eur", " Eur ", "EUR"})
        void normalisesTheCurrencyToUpperCase(String currency) {
            fixture.given(created())
                    .when(new AddProductPrice(PRODUCT_ID, price(PRICE_ID, ProductPrice.STANDARD, currency, JAN_1,
                            JUL_1)))
                    .expectEvents(new ProductPriceAdded(PRODUCT_ID, H1));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"12.3456, 12.3456", "12.3400, 12.34", "100.00, 100", "0.0001, 0.0001", "0, 0"})
        void keepsUpToFourDecimalsWithoutTrailingZeros(String unitPrice, String recorded) {
            fixture.given(created())
                    .when(new AddProductPrice(PRODUCT_ID, withUnitPrice(new BigDecimal(unitPrice))))
                    .expectEvents(new ProductPriceAdded(PRODUCT_ID, withUnitPrice(new BigDecimal(recorded))));
        }

        @Test
        void neverRecordsANewPriceAsRetired() {
            ProductPrice alreadyRetired = new ProductPrice(PRICE_ID, ProductPrice.STANDARD, "EUR",
                    new BigDecimal("12.5"), JAN_1, JUL_1, APR_1);

            fixture.given(created())
                    .when(new AddProductPrice(PRODUCT_ID, alreadyRetired))
                    .expectEvents(new ProductPriceAdded(PRODUCT_ID, H1));
        }

        @Test
        void refusesAMissingPrice() {
            fixture.given(created())
                    .when(new AddProductPrice(PRODUCT_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("unitPrice", "required"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("io.relais.catalogue.ProductTest#invalidPrices")
        void refusesAnInvalidPrice(String field, String code, ProductPrice price) {
            fixture.given(created())
                    .when(new AddProductPrice(PRODUCT_ID, price))
                    .expectNoEvents()
                    .expectException(invalidField(field, code));
        }

        @Test
        void refusesAPriceIdTheProductAlreadyHas() {
            fixture.given(priced())
                    .when(new AddProductPrice(PRODUCT_ID, price(PRICE_ID, "PARTNERS", "USD", NEXT_JAN_1, null)))
                    .expectNoEvents()
                    .expectException(conflict("priceId", "price-exists"));
        }

        @Test
        void refusesThePriceIdOfARetiredPrice() {
            fixture.given(with(priced(), new ProductPriceRetired(PRODUCT_ID, PRICE_ID, JAN_1)))
                    .when(new AddProductPrice(PRODUCT_ID, H1))
                    .expectNoEvents()
                    .expectException(conflict("priceId", "price-exists"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.catalogue.ProductTest#overlappingPrices")
        void refusesAPriceOverlappingOneInForce(String name, List<Object> history, ProductPrice price) {
            fixture.given(history)
                    .when(new AddProductPrice(PRODUCT_ID, price))
                    .expectNoEvents()
                    .expectException(conflict("validFrom", "overlapping-price"));
        }

        @Test
        void namesTheOverlappedPriceInTheRefusal() {
            fixture.given(priced())
                    .when(new AddProductPrice(PRODUCT_ID, standardEur(APR_1, null)))
                    .expectException(conflict("validFrom", "overlapping-price"))
                    .expectExceptionMessage(containsString("Price price-1 already prices STANDARD in EUR"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.catalogue.ProductTest#pricesThatDoNotOverlap")
        void acceptsAPriceThatOverlapsNoneInForce(String name, List<Object> history, ProductPrice price) {
            fixture.given(history)
                    .when(new AddProductPrice(PRODUCT_ID, price))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProductPriceAdded(PRODUCT_ID, price));
        }

        @Test
        void refusesADiscontinuedProduct() {
            fixture.given(discontinued())
                    .when(new AddProductPrice(PRODUCT_ID, standardEur(JUL_1, null)))
                    .expectNoEvents()
                    .expectException(refusedAsDiscontinued());
        }
    }

    static Stream<Arguments> invalidPrices() {
        return Stream.of(
                Arguments.of("unitPrice", "required", withUnitPrice(null)),
                Arguments.of("unitPrice", "invalid-amount", withUnitPrice(new BigDecimal("12.34567"))),
                Arguments.of("unitPrice", "invalid-amount", withUnitPrice(new BigDecimal("12.50000"))),
                Arguments.of("unitPrice", "invalid-amount", withUnitPrice(new BigDecimal("-1"))),
                Arguments.of("unitPrice", "invalid-amount", withUnitPrice(new BigDecimal("1E+15"))),
                Arguments.of("validFrom", "required", price(PRICE_ID, null, "EUR", null, JUL_1)),
                Arguments.of("validUntil", "invalid-range", price(PRICE_ID, null, "EUR", JUL_1, JUL_1)),
                Arguments.of("validUntil", "invalid-range", price(PRICE_ID, null, "EUR", JUL_1, JAN_1)),
                Arguments.of("currency", "required", price(PRICE_ID, null, null, JAN_1, JUL_1)),
                Arguments.of("currency", "required", price(PRICE_ID, null, " ", JAN_1, JUL_1)),
                Arguments.of("currency", "invalid-currency", price(PRICE_ID, null, "EUX", JAN_1, JUL_1)),
                Arguments.of("priceList", "invalid-identifier", price(PRICE_ID, "PUBLIC SECTOR", "EUR", JAN_1,
                        JUL_1)),
                Arguments.of("priceId", "invalid-identifier", price("price 1", null, "EUR", JAN_1, JUL_1)),
                Arguments.of("priceId", "invalid-identifier", price(" price-1", null, "EUR", JAN_1, JUL_1)),
                Arguments.of("validFrom", "out-of-range", price(PRICE_ID, null, "EUR", LocalDate.of(-4714, 1, 1),
                        JUL_1)),
                Arguments.of("validFrom", "out-of-range", price(PRICE_ID, null, "EUR", LocalDate.of(1899, 12, 31),
                        null)),
                Arguments.of("validFrom", "out-of-range", price(PRICE_ID, null, "EUR", LocalDate.MIN, null)),
                Arguments.of("validUntil", "out-of-range", price(PRICE_ID, null, "EUR", JAN_1,
                        LocalDate.of(3000, 1, 1))),
                Arguments.of("validUntil", "out-of-range", price(PRICE_ID, null, "EUR", JAN_1, LocalDate.MAX)));
    }

    /** Prices (as {@link ProductFixtures#OTHER_PRICE_ID}) that some price in force prices on some of their days. */
    static Stream<Arguments> overlappingPrices() {
        ProductPrice openEnded = price(PRICE_ID, ProductPrice.STANDARD, "EUR", JAN_1, null);
        return Stream.of(
                Arguments.of("the same period", priced(), standardEur(JAN_1, JUL_1)),
                Arguments.of("starting inside", priced(), standardEur(APR_1, OCT_1)),
                Arguments.of("ending inside", priced(), standardEur(JAN_1.minusMonths(3), APR_1)),
                Arguments.of("one day in common", priced(), standardEur(JUL_1.minusDays(1), OCT_1)),
                Arguments.of("inside", priced(), standardEur(APR_1, APR_1.plusDays(1))),
                Arguments.of("around", priced(), standardEur(JAN_1.minusYears(1), NEXT_JAN_1)),
                Arguments.of("open-ended, starting inside", priced(), standardEur(APR_1, null)),
                Arguments.of("open-ended, starting before", priced(), standardEur(JAN_1.minusYears(1), null)),
                Arguments.of("long after an open-ended one", List.of(created(), added(openEnded)),
                        standardEur(NEXT_JAN_1.plusYears(5), NEXT_JAN_1.plusYears(6))),
                Arguments.of("open-ended, after an open-ended one", List.of(created(), added(openEnded)),
                        standardEur(NEXT_JAN_1, null)),
                Arguments.of("starting the day before a retirement", with(priced(), retired(PRICE_ID, APR_1)),
                        standardEur(APR_1.minusDays(1), null)),
                Arguments.of("starting before the retirement of an open-ended one",
                        List.of(created(), added(openEnded), retired(PRICE_ID, OCT_1)), standardEur(JUL_1, null)),
                Arguments.of("given with a blank list and a lower-case currency", priced(),
                        price(OTHER_PRICE_ID, " ", "eur", APR_1, null)),
                Arguments.of("in another list than STANDARD", List.of(created(),
                                added(price(PRICE_ID, "PARTNERS", "USD", JAN_1, JUL_1))),
                        price(OTHER_PRICE_ID, "PARTNERS", "USD", APR_1, null)),
                Arguments.of("overlapping the second of two prices", with(priced(),
                                added(price("price-3", ProductPrice.STANDARD, "EUR", OCT_1, null))),
                        standardEur(JUL_1, OCT_1.plusDays(1))));
    }

    /** Prices (as {@link ProductFixtures#OTHER_PRICE_ID}) that no price in force prices on any of their days. */
    static Stream<Arguments> pricesThatDoNotOverlap() {
        ProductPrice openEnded = price(PRICE_ID, ProductPrice.STANDARD, "EUR", JAN_1, null);
        return Stream.of(
                Arguments.of("in another list", priced(), price(OTHER_PRICE_ID, "PARTNERS", "EUR", JAN_1, JUL_1)),
                Arguments.of("in another currency", priced(),
                        price(OTHER_PRICE_ID, ProductPrice.STANDARD, "USD", JAN_1, JUL_1)),
                Arguments.of("starting the day the other ends", priced(), standardEur(JUL_1, OCT_1)),
                Arguments.of("open-ended, starting the day the other ends", priced(), standardEur(JUL_1, null)),
                Arguments.of("ending the day the other starts", priced(), standardEur(JAN_1.minusMonths(6), JAN_1)),
                Arguments.of("between two prices", with(priced(),
                                added(price("price-3", ProductPrice.STANDARD, "EUR", OCT_1, null))),
                        standardEur(JUL_1, OCT_1)),
                Arguments.of("starting the day an open-ended one is retired",
                        List.of(created(), added(openEnded), retired(PRICE_ID, JUL_1)), standardEur(JUL_1, null)),
                Arguments.of("starting after a retirement", with(priced(), retired(PRICE_ID, APR_1)),
                        standardEur(APR_1.plusMonths(1), null)),
                Arguments.of("starting on a retirement", with(priced(), retired(PRICE_ID, APR_1)),
                        standardEur(APR_1, null)),
                Arguments.of("starting when a price retired after its end ends", with(priced(),
                        retired(PRICE_ID, OCT_1)), standardEur(JUL_1, null)),
                Arguments.of("around a price retired on its first day", List.of(created(),
                                added(price(PRICE_ID, ProductPrice.STANDARD, "EUR", NEXT_JAN_1, null)),
                                retired(PRICE_ID, NEXT_JAN_1)), standardEur(JUL_1, null)),
                Arguments.of("around a price retired before its first day", List.of(created(),
                                added(price(PRICE_ID, ProductPrice.STANDARD, "EUR", NEXT_JAN_1, null)),
                                retired(PRICE_ID, OCT_1)), standardEur(JUL_1, null)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // RetireProductPrice
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class RetirePrice {

        @Test
        void retiresThePrice() {
            fixture.given(priced())
                    .when(new RetireProductPrice(PRODUCT_ID, PRICE_ID, APR_1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProductPriceRetired(PRODUCT_ID, PRICE_ID, APR_1))
                    .expectResultMessagePayload(2L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1900-01-01", "2025-06-01", "2026-01-01", "2026-07-01", "2030-01-01", "2999-12-31"})
        void acceptsAnyRetirementDateOfTheYears1900To2999(LocalDate retiredOn) {
            fixture.given(priced())
                    .when(new RetireProductPrice(PRODUCT_ID, PRICE_ID, retiredOn))
                    .expectEvents(new ProductPriceRetired(PRODUCT_ID, PRICE_ID, retiredOn));
        }

        @Test
        void retiresOnePriceOfSeveral() {
            fixture.given(with(priced(), added(price(OTHER_PRICE_ID, "PARTNERS", "EUR", JAN_1, null))))
                    .when(new RetireProductPrice(PRODUCT_ID, OTHER_PRICE_ID, OCT_1))
                    .expectEvents(new ProductPriceRetired(PRODUCT_ID, OTHER_PRICE_ID, OCT_1))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void retiresAPriceOfADiscontinuedProduct() {
            fixture.given(discontinued())
                    .when(new RetireProductPrice(PRODUCT_ID, PRICE_ID, APR_1))
                    .expectEvents(new ProductPriceRetired(PRODUCT_ID, PRICE_ID, APR_1))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void refusesAnUnknownPriceAsNotFound() {
            fixture.given(priced())
                    .when(new RetireProductPrice(PRODUCT_ID, "price-9", APR_1))
                    .expectNoEvents()
                    .expectException(notFound("price-9"));
        }

        @Test
        void refusesAPriceOfAProductWithoutPricesAsNotFound() {
            fixture.given(created())
                    .when(new RetireProductPrice(PRODUCT_ID, PRICE_ID, APR_1))
                    .expectNoEvents()
                    .expectException(notFound(PRICE_ID));
        }

        @Test
        void requiresARetirementDate() {
            fixture.given(priced())
                    .when(new RetireProductPrice(PRODUCT_ID, PRICE_ID, null))
                    .expectNoEvents()
                    .expectException(invalidField("retiredOn", "required"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"-999999999-01-01", "0001-01-01", "1899-12-31", "3000-01-01", "+999999999-12-31"})
        void refusesARetirementDateOutsideTheYears1900To2999(LocalDate retiredOn) {
            fixture.given(priced())
                    .when(new RetireProductPrice(PRODUCT_ID, PRICE_ID, retiredOn))
                    .expectNoEvents()
                    .expectException(invalidField("retiredOn", "out-of-range"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2026-01-01", "2026-04-01", "2026-10-01"})
        void keepsTheFirstRetirementAndEmitsNothingWhenRetiredAgain(LocalDate again) {
            fixture.given(with(priced(), retired(PRICE_ID, APR_1)))
                    .when(new RetireProductPrice(PRODUCT_ID, PRICE_ID, again))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // DiscontinueProduct
    // ---------------------------------------------------------------------------------------------------------

    @Nested
    class Discontinue {

        @Test
        void keepsTheCode() {
            codes.held("sku-001", PRODUCT_ID);

            fixture.given(priced())
                    .when(new DiscontinueProduct(PRODUCT_ID))
                    .expectEvents(new ProductDiscontinued(PRODUCT_ID));

            assertThat(codes.holders()).isEqualTo(Map.of("sku-001", PRODUCT_ID));
        }

        @Test
        void discontinuesTheProduct() {
            fixture.given(priced())
                    .when(new DiscontinueProduct(PRODUCT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ProductDiscontinued(PRODUCT_ID))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void discontinuesAProductWithoutPrices() {
            fixture.given(created())
                    .when(new DiscontinueProduct(PRODUCT_ID))
                    .expectEvents(new ProductDiscontinued(PRODUCT_ID))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void emitsNothingAndAnswersTheCurrentVersionWhenAlreadyDiscontinued() {
            fixture.given(discontinued())
                    .when(new DiscontinueProduct(PRODUCT_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who keeps the catalogue
    // ---------------------------------------------------------------------------------------------------------

    /** Every change to {@link ProductFixtures#priced()}, each of which ADMIN may make. */
    static Stream<Arguments> changesOfTheProduct() {
        return Stream.of(
                Arguments.of("UpdateProduct", new UpdateProduct(PRODUCT_ID, CONSULTING, null),
                        new ProductUpdated(PRODUCT_ID, CONSULTING, List.of(
                                new FieldChange("code", "SKU-001", "CONSULT.DAY"),
                                new FieldChange("name", "Widget", "Consulting day"),
                                new FieldChange("description", "A fine widget", null),
                                new FieldChange("kind", "PRODUCT", "SERVICE"),
                                new FieldChange("unit", "piece", "day"),
                                new FieldChange("leadTimeDays", "5", null)))),
                Arguments.of("AddProductPrice", new AddProductPrice(PRODUCT_ID, standardEur(JUL_1, null)),
                        added(standardEur(JUL_1, null))),
                Arguments.of("RetireProductPrice", new RetireProductPrice(PRODUCT_ID, PRICE_ID, APR_1),
                        retired(PRICE_ID, APR_1)),
                Arguments.of("DiscontinueProduct", new DiscontinueProduct(PRODUCT_ID),
                        new ProductDiscontinued(PRODUCT_ID)));
    }

    static Stream<Arguments> changesByNonAdministrators() {
        List<Arguments> arguments = new ArrayList<>();
        for (String actor : List.of(REP, MANAGER, DIRECTOR, AUDITOR, ANALYST, STEWARD, UNKNOWN, FORMER_ADMIN)) {
            changesOfTheProduct().forEach(change -> arguments.add(
                    Arguments.of(change.get()[0], actor, change.get()[1])));
        }
        return arguments.stream();
    }

    @Nested
    class Administrators {

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.catalogue.ProductTest#changesOfTheProduct")
        void mayChangeTheProduct(String name, Object command, Object event) {
            fixture.given(priced())
                    .when(command, as(ADMIN))
                    .expectEvents(event);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("io.relais.catalogue.ProductTest#changesOfTheProduct")
        void andSoMayTheSystem(String name, Object command, Object event) {
            fixture.given(priced())
                    .when(command, as(SYSTEM))
                    .expectEvents(event);
        }

        @ParameterizedTest(name = "{0} by {1}")
        @MethodSource("io.relais.catalogue.ProductTest#changesByNonAdministrators")
        void butNoOneElse(String name, String actor, Object command) {
            fixture.given(priced())
                    .when(command, as(actor))
                    .expectNoEvents()
                    .expectException(forbidden())
                    .expectExceptionMessage("Only administrators keep the catalogue");
        }

        @Test
        void refusesANonAdministratorBeforeSayingTheProductIsDiscontinued() {
            fixture.given(discontinued())
                    .when(new UpdateProduct(PRODUCT_ID, CONSULTING, null), as(REP))
                    .expectNoEvents()
                    .expectException(forbidden());
        }

        @Test
        void refusesANonAdministratorBeforeSayingThePriceIsUnknown() {
            fixture.given(priced())
                    .when(new RetireProductPrice(PRODUCT_ID, "price-9", APR_1), as(MANAGER))
                    .expectNoEvents()
                    .expectException(forbidden());
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    private static ProductDetails details(String code, String name, ProductKind kind, String unit,
                                          Integer leadTimeDays) {
        return new ProductDetails(code, name, null, kind, unit, leadTimeDays);
    }

    /** {@link ProductFixtures#H1} at another unit price. */
    private static ProductPrice withUnitPrice(BigDecimal unitPrice) {
        return new ProductPrice(PRICE_ID, ProductPrice.STANDARD, "EUR", unitPrice, JAN_1, JUL_1, null);
    }

    private static ProductPriceAdded added(ProductPrice price) {
        return new ProductPriceAdded(PRODUCT_ID, price);
    }

    private static ProductPriceRetired retired(String priceId, LocalDate on) {
        return new ProductPriceRetired(PRODUCT_ID, priceId, on);
    }
}
