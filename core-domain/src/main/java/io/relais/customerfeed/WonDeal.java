package io.relais.customerfeed;

import io.relais.opportunity.LineItem;
import jakarta.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A won deal as the ERP invoices it: its figures and its lines when it was won (none for a manual amount); no owner
 * when it had none then (its owner deactivated without a successor, say).
 */
public record WonDeal(String opportunityId, @Nullable String ownerId, String currency, BigDecimal amount, LocalDate closedOn,
                      List<LineItem> lines) {

    public WonDeal {
        lines = List.copyOf(lines);
    }
}
