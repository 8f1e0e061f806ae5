package io.relais.catalogue;

import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A unit price of a product in one price list and currency, valid from a date (included) until another
 * (excluded; null: open-ended). A retired price stays in the catalogue, so that the deals priced with it
 * stay explainable, but no longer prices anything from {@code retiredOn}.
 */
public record ProductPrice(String priceId, String priceList, String currency, BigDecimal unitPrice,
                           LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable LocalDate retiredOn) {

    /** The price list every product may be priced in; others are named freely. */
    public static final String STANDARD = "STANDARD";

    /** Today's rules, for a new price (never retired). */
    public ProductPrice validated() {
        Fields.present("unitPrice", unitPrice);
        Fields.present("validFrom", validFrom);
        Fields.date("validFrom", validFrom);
        Fields.date("validUntil", validUntil);
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new InvalidFieldException("validUntil", "invalid-range", "validUntil must be after validFrom");
        }
        String currencyCode = Fields.currency("currency", currency);
        Fields.present("currency", currencyCode);
        String list = priceList == null || priceList.isBlank() ? STANDARD : Fields.identifier("priceList", priceList);
        return new ProductPrice(Fields.exactIdentifier("priceId", priceId), list, currencyCode,
                Fields.amount("unitPrice", unitPrice, 4), validFrom, validUntil, null);
    }

    /** Whether this price applies on {@code date}: within its validity and not retired by then. */
    public boolean appliesOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validUntil == null || date.isBefore(validUntil))
                && (retiredOn == null || date.isBefore(retiredOn));
    }

    /** Whether this price, in force, could price the same day as {@code other} in the same list and currency. */
    public boolean overlaps(ProductPrice other) {
        if (!priceList.equals(other.priceList) || !currency.equals(other.currency)) {
            return false;
        }
        LocalDate end = effectiveEnd();
        LocalDate otherEnd = other.effectiveEnd();
        if (end != null && !validFrom.isBefore(end) || otherEnd != null && !other.validFrom.isBefore(otherEnd)) {
            return false; // retired on or before its first day: it prices no day at all
        }
        return (otherEnd == null || validFrom.isBefore(otherEnd)) && (end == null || other.validFrom.isBefore(end));
    }

    public ProductPrice retired(LocalDate on) {
        return new ProductPrice(priceId, priceList, currency, unitPrice, validFrom, validUntil, on);
    }

    /** The first day this price no longer applies: the earlier of its end of validity and its retirement. */
    private LocalDate effectiveEnd() {
        if (retiredOn == null) {
            return validUntil;
        }
        return validUntil == null || retiredOn.isBefore(validUntil) ? retiredOn : validUntil;
    }
}
