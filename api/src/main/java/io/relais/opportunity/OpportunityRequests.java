package io.relais.opportunity;

import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The bodies of the opportunity endpoints. */
final class OpportunityRequests {

    private OpportunityRequests() {
    }

    @Schema(example = """
            {"accountId": "0b7e2c4a-6f1d-4f5e-9a38-1c2d3e4f5a6b", "name": "Renouvellement du parc",
             "currency": "EUR", "amount": 48000, "expectedCloseDate": "2027-06-30"}""")
    record Open(String accountId, String name,
                @Schema(description = "Default: you, for a sales user") String ownerId,
                @Schema(description = "One of the account's contacts") String primaryContactId,
                @Schema(description = "The lead the deal came from") String leadId,
                @Schema(description = "ISO 4217", example = "EUR") String currency,
                @Schema(description = "Until line items give it") BigDecimal amount,
                LocalDate expectedCloseDate,
                @Schema(description = "The catalogue price list its lines are priced from; default STANDARD")
                String priceList) {
    }

    @Schema(name = "OpportunityDetails")
    record Details(String name, String primaryContactId) {
    }

    record Stage(@Schema(example = "PROPOSAL") String stage) {
    }

    record Amount(BigDecimal amount) {
    }

    record CloseDate(LocalDate expectedCloseDate) {
    }

    record Line(String productId, BigDecimal quantity,
                @Schema(description = "0 to 100") BigDecimal discountPercent,
                @Schema(description = "What a unit costs us, for the margin") BigDecimal unitCost) {
    }

    record Owner(String ownerId) {
    }

    record Loss(LossReason reason, @Schema(description = "Required for OTHER") String note) {
    }
}
