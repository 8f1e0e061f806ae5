package io.relais.customerfeed;

import io.relais.opportunity.LineItem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A won deal as the ERP invoices it: its figures and its lines when it was won (none for a manual amount). */
public record WonDeal(String opportunityId, String ownerId, String currency, BigDecimal amount, LocalDate closedOn,
                      List<LineItem> lines) {

    public WonDeal {
        lines = List.copyOf(lines);
    }
}
