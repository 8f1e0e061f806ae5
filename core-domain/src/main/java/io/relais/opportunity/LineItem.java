package io.relais.opportunity;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * A line of a deal: a catalogue product, how many, at which unit price (the catalogue's, recorded with the
 * price it came from), less a discount in percent, and what a unit costs us, for the margin.
 */
public record LineItem(String lineId, String productId, String productName, String priceId, BigDecimal quantity,
                       BigDecimal unitPrice, @Nullable BigDecimal discountPercent, @Nullable BigDecimal unitCost) {

    /** What an amount of money may reach: a deal's total and its lines' cost are stored as amounts. */
    private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(Fields.AMOUNT_DIGITS);

    /** Today's rules, for a new line. */
    public LineItem validated() {
        BigDecimal checkedQuantity = Fields.amount("quantity", quantity, 3);
        if (checkedQuantity == null || checkedQuantity.signum() == 0) {
            throw new InvalidFieldException("quantity", "required", "quantity must be more than zero");
        }
        BigDecimal price = Fields.amount("unitPrice", unitPrice, 4);
        Fields.present("unitPrice", price);
        return new LineItem(Fields.exactIdentifier("lineId", lineId), Fields.identifier("productId", productId),
                Fields.required("productName", productName, 200), Fields.optionalIdentifier("priceId", priceId),
                checkedQuantity, price, Fields.percent("discountPercent", discountPercent),
                Fields.amount("unitCost", unitCost, 4));
    }

    /**
     * The amount of a deal with these lines: their total. Refused, naming the quantity that makes it so, when
     * the total or the lines' cost would be no amount (at most {@value Fields#AMOUNT_DIGITS} digits).
     */
    public static BigDecimal totalOf(Collection<LineItem> lines) {
        BigDecimal total = lines.stream().map(LineItem::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cost = lines.stream().map(LineItem::cost).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(AMOUNT_LIMIT) >= 0 || cost.compareTo(AMOUNT_LIMIT) >= 0) {
            throw new InvalidFieldException("quantity", "out-of-range", "The deal's lines would total "
                    + total.toPlainString() + " and cost " + cost.toPlainString() + ": both must stay below 10^"
                    + Fields.AMOUNT_DIGITS);
        }
        return total;
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
