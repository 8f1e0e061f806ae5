package io.relais.opportunity;

import io.relais.catalogue.ProductDetails;
import io.relais.catalogue.ProductKind;
import io.relais.catalogue.ProductPrice;
import io.relais.catalogue.ProductView;
import io.relais.common.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deal's new line is priced from the catalogue, or refused naming productId. */
class LinePricingTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final ProductPrice PRICE = new ProductPrice("price-1", "STANDARD", "EUR", new BigDecimal("1200"),
            LocalDate.of(2026, 1, 1), null, null);

    @Test
    void pricesTheLineAtTheCataloguesPriceInForceToday() {
        LineItem line = pricing(product(false), PRICE).line("STANDARD", "EUR", " product-7 ", new BigDecimal("2"),
                new BigDecimal("10"), new BigDecimal("800"));

        assertThat(line.lineId()).isNotBlank();
        assertThat(line).usingRecursiveComparison().ignoringFields("lineId").isEqualTo(new LineItem(null,
                "product-7", "Offset press", "price-1", new BigDecimal("2"), new BigDecimal("1200"),
                new BigDecimal("10"), new BigDecimal("800")));
    }

    @Test
    void refusesAProductTheCatalogueDoesNotHave() {
        assertRefused(pricing(null, PRICE), "unknown-product", "The catalogue has no product product-7");
    }

    @Test
    void refusesADiscontinuedProduct() {
        assertRefused(pricing(product(true), PRICE), "product-discontinued", "Product product-7 is no longer sold");
    }

    @Test
    void refusesAProductWithoutAPriceInTheDealsListAndCurrencyToday() {
        assertRefused(pricing(product(false), null), "no-price",
                "Product product-7 has no price in STANDARD EUR on 2026-11-23");
    }

    @Test
    void refusesAMissingProductId() {
        assertThatThrownBy(() -> pricing(product(false), PRICE).line("STANDARD", "EUR", " ", BigDecimal.ONE, null,
                null)).isInstanceOfSatisfying(InvalidFieldException.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("productId");
                    assertThat(refusal.code()).isEqualTo("required");
                });
    }

    private static void assertRefused(LinePricing pricing, String code, String message) {
        assertThatThrownBy(() -> pricing.line("STANDARD", "EUR", "product-7", BigDecimal.ONE, null, null))
                .isInstanceOfSatisfying(InvalidFieldException.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("productId");
                    assertThat(refusal.code()).isEqualTo(code);
                })
                .hasMessage(message);
    }

    private static ProductView product(boolean discontinued) {
        return new ProductView("product-7", 1, new ProductDetails("P-7", "Offset press", null, ProductKind.PRODUCT,
                "unit", null), discontinued, List.of(PRICE), NOW, NOW);
    }

    /** Pricing over a catalogue that has {@code product} (null: none) priced {@code price} (null: none) today. */
    private static LinePricing pricing(ProductView product, ProductPrice price) {
        ProductCatalogue catalogue = new ProductCatalogue() {
            @Override
            public Optional<ProductView> product(String productId) {
                return Optional.ofNullable(product).filter(p -> p.id().equals(productId));
            }

            @Override
            public Optional<ProductPrice> price(String productId, String priceList, String currency, LocalDate day) {
                return Optional.ofNullable(price).filter(p -> productId.equals("product-7")
                        && p.priceList().equals(priceList) && p.currency().equals(currency) && day.equals(TODAY));
            }
        };
        return new LinePricing(catalogue, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
