package io.relais.catalogue;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

/**
 * What the catalogue says of a product or service. The canonical constructor does not validate, so that
 * stored events always load; {@link #validated()} applies today's rules to new input.
 *
 * @param code         the catalogue reference (SKU), unique in the catalogue whatever its case (the product
 *                     aggregate claims it)
 * @param unit         what a quantity counts: "piece", "hour", "licence per month" …
 * @param leadTimeDays how many days delivery takes after an order
 */
public record ProductDetails(String code, String name, @Nullable String description, ProductKind kind, String unit,
                             @Nullable Integer leadTimeDays) {

    public ProductDetails validated() {
        if (kind == null) {
            throw new InvalidFieldException("kind", "required", "kind is required: PRODUCT or SERVICE");
        }
        return new ProductDetails(Fields.identifier("code", code), Fields.required("name", name, 200),
                Fields.text("description", description, 4000), kind, Fields.required("unit", unit, 40),
                Fields.integer("leadTimeDays", leadTimeDays, 0, 3650));
    }
}
