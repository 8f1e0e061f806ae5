package io.relais.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The bodies of the catalogue endpoints. */
final class ProductRequests {

    private ProductRequests() {
    }

    record Details(@Schema(description = "The catalogue reference (SKU)", example = "LIC-CRM-PRO") String code,
                   String name, String description, ProductKind kind,
                   @Schema(description = "What a quantity counts", example = "licence per month") String unit,
                   @Schema(description = "Days from order to delivery") Integer leadTimeDays) {

        ProductDetails details() {
            return new ProductDetails(code, name, description, kind, unit, leadTimeDays);
        }
    }

    record Price(@Schema(description = "Generated when absent") String priceId,
                 @Schema(description = "Default STANDARD", example = "STANDARD") String priceList,
                 @Schema(description = "ISO 4217", example = "EUR") String currency,
                 @Schema(description = "Up to 4 decimals") BigDecimal unitPrice,
                 LocalDate validFrom,
                 @Schema(description = "The first day it no longer applies; absent: open-ended") LocalDate validUntil) {
    }

    record Retirement(@Schema(description = "The first day the price no longer applies") LocalDate retiredOn) {
    }
}
