package io.relais.opportunity;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A line of a deal: a catalogue product, how many, at which unit price (the catalogue's, recorded with the
 * price it came from), less a discount in percent, and what a unit costs us, for the margin.
 */
public record LineItem(String lineId, String productId, String productName, String priceId, BigDecimal quantity,
                       BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal unitCost) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Today's rules, for a new line. */
    public LineItem validated() {
        BigDecimal checkedQuantity = Fields.amount("quantity", quantity, 3);
        if (checkedQuantity == null || checkedQuantity.signum() == 0) {
            throw new InvalidFieldException("quantity", "required", "quantity must be more than zero");
        }
        BigDecimal price = Fields.amount("unitPrice", unitPrice, 4);
        if (price == null) {
            throw new InvalidFieldException("unitPrice", "required", "unitPrice is required");
        }
        BigDecimal discount = Fields.amount("discountPercent", discountPercent, 2);
        if (discount != null && discount.compareTo(HUNDRED) > 0) {
            throw new InvalidFieldException("discountPercent", "out-of-range", "discountPercent is 0 to 100");
        }
        return new LineItem(Fields.exactIdentifier("lineId", lineId), Fields.identifier("productId", productId),
                Fields.required("productName", productName, 200), priceId, checkedQuantity, price, discount,
                Fields.amount("unitCost", unitCost, 4));
    }

    /** Quantity times unit price, less the discount, to the cent. */
    public BigDecimal total() {
        BigDecimal gross = quantity.multiply(unitPrice);
        // exact, so that only the total is rounded: rounding the discount too could move it across half a cent
        BigDecimal discount = discountPercent == null ? BigDecimal.ZERO
                : gross.multiply(discountPercent).movePointLeft(2);
        return gross.subtract(discount).setScale(2, RoundingMode.HALF_UP);
    }

    /** What the line costs us, to the cent; null when the unit cost is not known. */
    public BigDecimal cost() {
        return unitCost == null ? null : quantity.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
    }
}
