package io.relais.opportunity;

import io.relais.catalogue.ProductPrice;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Open a deal with an account: in the first sales stage, in a currency, with an expected close date. */
public record OpenOpportunity(@TargetAggregateIdentifier String opportunityId, String accountId, String name, String ownerId,
                              String primaryContactId, String leadId, String currency, BigDecimal amount,
                              LocalDate expectedCloseDate, String priceList) {

    /**
     * The deal's own fields checked and normalised (name, currency, amount, expected close date, price list),
     * refusals naming {@code prefix + field}; ids and owner are the aggregate's to check.
     */
    public OpenOpportunity validated(String prefix) {
        String checkedCurrency = Fields.currency(prefix + "currency", currency);
        if (checkedCurrency == null) {
            throw new InvalidFieldException(prefix + "currency", "required", prefix + "currency is required");
        }
        if (expectedCloseDate == null) {
            throw new InvalidFieldException(prefix + "expectedCloseDate", "required",
                    prefix + "expectedCloseDate is required");
        }
        Fields.date(prefix + "expectedCloseDate", expectedCloseDate);
        String list = priceList == null || priceList.isBlank() ? ProductPrice.STANDARD
                : Fields.identifier(prefix + "priceList", priceList);
        return new OpenOpportunity(opportunityId, accountId, Fields.required(prefix + "name", name, 200), ownerId,
                primaryContactId, leadId, checkedCurrency, Fields.amount(prefix + "amount", amount, 2),
                expectedCloseDate, list);
    }
}
