package io.relais.opportunity;

import io.relais.common.FieldChange;

import java.util.ArrayList;
import java.util.List;

import static io.relais.common.Changes.add;
import static io.relais.common.Changes.text;

/** What each opportunity event changed, field by field, as the 360° timeline shows it. */
public final class OpportunityEventChanges {

    private OpportunityEventChanges() {
    }

    /** The changes {@code event} made; empty for an event that changes no field. */
    public static List<FieldChange> of(Object event) {
        List<FieldChange> changes = new ArrayList<>();
        if (event instanceof OpportunityOpened opened) {
            add(changes, "status", null, OpportunityStatus.OPEN);
            add(changes, "name", null, opened.name());
            add(changes, "accountId", null, opened.accountId());
            add(changes, "ownerId", null, opened.ownerId());
            add(changes, "primaryContactId", null, opened.primaryContactId());
            add(changes, "leadId", null, opened.leadId());
            add(changes, "currency", null, opened.currency());
            add(changes, "amount", null, opened.amount());
            add(changes, "expectedCloseDate", null, opened.expectedCloseDate());
            add(changes, "priceList", null, opened.priceList());
            stage(changes, null, opened.stage());
        } else if (event instanceof OpportunityDetailsUpdated updated) {
            changes.addAll(updated.changes());
        } else if (event instanceof OpportunityStageChanged changed) {
            stage(changes, changed.previousStage(), changed.stage());
        } else if (event instanceof OpportunityAmountChanged changed) {
            add(changes, "amount", changed.previousAmount(), changed.amount());
        } else if (event instanceof OpportunityCloseDateChanged changed) {
            add(changes, "expectedCloseDate", changed.previousCloseDate(), changed.expectedCloseDate());
        } else if (event instanceof OpportunityLineItemAdded added) {
            add(changes, "lineItems", null, line(added.line()));
            add(changes, "amount", added.previousAmount(), added.amount());
        } else if (event instanceof OpportunityLineItemRemoved removed) {
            add(changes, "lineItems", removed.lineId(), null);
            add(changes, "amount", removed.previousAmount(), removed.amount());
        } else if (event instanceof OpportunityOwnerAssigned assigned) {
            add(changes, "ownerId", assigned.previousOwnerId(), assigned.ownerId());
        } else if (event instanceof OpportunityWon won) {
            add(changes, "status", OpportunityStatus.OPEN, OpportunityStatus.WON);
            stage(changes, won.previousStage(), SalesStage.CLOSED_WON);
            add(changes, "closedOn", null, won.closedOn());
        } else if (event instanceof OpportunityLost lost) {
            add(changes, "status", OpportunityStatus.OPEN, OpportunityStatus.LOST);
            stage(changes, lost.previousStage(), SalesStage.CLOSED_LOST);
            add(changes, "lossReason", null, lost.reason());
            add(changes, "lossNote", null, lost.note());
            add(changes, "closedOn", null, lost.closedOn());
        } else if (event instanceof OpportunityReopened reopened) {
            add(changes, "status", reopened.previousStatus(), OpportunityStatus.OPEN);
            stage(changes, reopened.previousStatus() == OpportunityStatus.WON ? SalesStage.CLOSED_WON
                    : SalesStage.CLOSED_LOST, reopened.stage());
        } else if (event instanceof OpportunityTransferred transferred) {
            add(changes, "accountId", transferred.previousAccountId(), transferred.accountId());
        }
        return changes;
    }

    /** The stage, with its probability and forecast category where they differ. */
    private static void stage(List<FieldChange> changes, SalesStage from, SalesStage to) {
        add(changes, "stage", from == null ? null : from.name(), to.name());
        add(changes, "probability", from == null ? null : from.probability(), to.probability());
        add(changes, "forecastCategory", from == null ? null : from.category(), to.category());
    }

    /** A line as one value: {@code "<lineId>: 3 x Presse offset at 1200.00 less 10%"}. */
    private static String line(LineItem line) {
        String discount = line.discountPercent() == null ? "" : " less " + text(line.discountPercent()) + "%";
        return line.lineId() + ": " + text(line.quantity()) + " x " + line.productName() + " at "
                + text(line.unitPrice()) + discount;
    }
}
