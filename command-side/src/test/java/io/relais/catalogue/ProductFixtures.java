package io.relais.catalogue;

import io.relais.common.CommandFixtures;
import io.relais.common.ConflictException;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.NotPermittedException;
import io.relais.common.RecordNotFoundException;
import io.relais.common.RefusalMatchers;
import io.relais.organisation.TestOrganisation;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.relais.organisation.TestOrganisation.ADMIN;

/**
 * What the fixture tests of the product aggregate ({@link ProductTest}) use: the organisation, sample products
 * and prices, histories and matchers.
 *
 * <p>Who is who: {@link TestOrganisation#salesTeam()}. Administrators keep the catalogue, so unless a test names the
 * actor, commands are sent by ADMIN.
 */
final class ProductFixtures {

    static final String PRODUCT_ID = "product-7";
    static final String OTHER_PRODUCT_ID = "product-8";
    static final String PRICE_ID = "price-1";
    static final String OTHER_PRICE_ID = "price-2";

    static final String SYSTEM = "system:catalogue-import";

    static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    static final LocalDate APR_1 = LocalDate.of(2026, 4, 1);
    static final LocalDate JUL_1 = LocalDate.of(2026, 7, 1);
    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate NEXT_JAN_1 = LocalDate.of(2027, 1, 1);

    /** A product with every detail filled. */
    static final ProductDetails WIDGET = new ProductDetails("SKU-001", "Widget", "A fine widget",
            ProductKind.PRODUCT, "piece", 5);

    /** A service with code, name, kind and unit: the least a product needs. */
    static final ProductDetails CONSULTING = new ProductDetails("CONSULT.DAY", "Consulting day", null,
            ProductKind.SERVICE, "day", null);

    /** {@link #PRICE_ID}: 12.5 EUR in the standard list for the first half of 2026. */
    static final ProductPrice H1 = price(PRICE_ID, ProductPrice.STANDARD, "EUR", JAN_1, JUL_1);

    private ProductFixtures() {
    }

    /**
     * A fixture over the organisation above and the product codes held in {@code codes}, sending commands as
     * {@link #ADMIN} unless told otherwise.
     */
    static FixtureConfiguration<Product> productFixture(ProductCodes codes) {
        FixtureConfiguration<Product> fixture = CommandFixtures.fixture(Product.class, TestOrganisation.salesTeam(),
                ADMIN);
        fixture.registerInjectableResource(codes);
        return fixture;
    }

    /** {@link #WIDGET} with another code. */
    static ProductDetails withCode(String code) {
        return new ProductDetails(code, WIDGET.name(), WIDGET.description(), WIDGET.kind(), WIDGET.unit(),
                WIDGET.leadTimeDays());
    }

    /** {@link #WIDGET} entering the catalogue; at version 0. */
    static ProductCreated created() {
        return new ProductCreated(PRODUCT_ID, WIDGET);
    }

    /** {@link #WIDGET} priced {@link #H1}; at version 1. */
    static List<Object> priced() {
        return List.of(created(), new ProductPriceAdded(PRODUCT_ID, H1));
    }

    /** {@link #priced()}, discontinued; at version 2. */
    static List<Object> discontinued() {
        return with(priced(), new ProductDiscontinued(PRODUCT_ID));
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    /** A price of 12.5, never retired. */
    static ProductPrice price(String priceId, String priceList, String currency, LocalDate validFrom,
                              LocalDate validUntil) {
        return new ProductPrice(priceId, priceList, currency, new BigDecimal("12.5"), validFrom, validUntil, null);
    }

    /** {@link #OTHER_PRICE_ID}: 12.5 EUR in the standard list over the given period. */
    static ProductPrice standardEur(LocalDate validFrom, LocalDate validUntil) {
        return price(OTHER_PRICE_ID, ProductPrice.STANDARD, "EUR", validFrom, validUntil);
    }

    /** Matches an {@link InvalidFieldException} for {@code field} with the stable {@code code}. */
    static Matcher<InvalidFieldException> invalidField(String field, String code) {
        return RefusalMatchers.invalidField(field, code);
    }

    /** Matches a {@link ConflictException} for {@code field} with the stable {@code code}. */
    static Matcher<ConflictException> conflict(String field, String code) {
        return RefusalMatchers.conflict(field, code);
    }

    /** Matches a {@link NotPermittedException}. */
    static Matcher<Throwable> forbidden() {
        return RefusalMatchers.forbidden();
    }

    /** Matches a {@link RecordNotFoundException} for {@code id}. */
    static Matcher<Throwable> notFound(String id) {
        return RefusalMatchers.notFound(id);
    }

    /** Matches an {@link InvalidTransitionException} refused because the product is discontinued. */
    static Matcher<InvalidTransitionException> refusedAsDiscontinued() {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidTransitionException e) {
                return "invalid-transition".equals(e.code()) && "DISCONTINUED".equals(e.currentState());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidTransitionException from status ").appendValue("DISCONTINUED");
            }

            @Override
            protected void describeMismatchSafely(InvalidTransitionException e, Description description) {
                description.appendText("had code ").appendValue(e.code()).appendText(" and status ")
                        .appendValue(e.currentState());
            }
        };
    }
}
