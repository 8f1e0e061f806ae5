package io.relais.opportunity;

import io.relais.common.FieldChange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpportunityEventChangesTest {

    private static final SalesStage PROPOSAL = new SalesStage("PROPOSAL", 50, ForecastCategory.BEST_CASE);
    private static final SalesStage NEGOTIATION = new SalesStage("NEGOTIATION", 80, ForecastCategory.COMMIT);

    @Test
    void aLineChangesTheLinesAndTheAmount() {
        LineItem line = new LineItem("l1", "p1", "Presse offset", "price-1", new BigDecimal("3"),
                new BigDecimal("1200.00"), new BigDecimal("10"), null);

        assertThat(OpportunityEventChanges.of(new OpportunityLineItemAdded("o1", line, new BigDecimal("500"),
                new BigDecimal("3240.00")))).containsExactly(
                new FieldChange("lineItems", null, "l1: 3 x Presse offset at 1200.00 less 10%"),
                new FieldChange("amount", "500", "3240.00"));
        assertThat(OpportunityEventChanges.of(new OpportunityLineItemRemoved("o1", "l1", new BigDecimal("3240.00"),
                null))).containsExactly(new FieldChange("lineItems", "l1", null),
                new FieldChange("amount", "3240.00", null));
    }

    @Test
    void closingAndReopeningChangeTheStatusAndTheStage() {
        LocalDate today = LocalDate.of(2026, 11, 26);

        assertThat(OpportunityEventChanges.of(new OpportunityWon("o1", "a1", "rep", "EUR", BigDecimal.TEN, today,
                NEGOTIATION))).containsExactly(new FieldChange("status", "OPEN", "WON"),
                new FieldChange("stage", "NEGOTIATION", "CLOSED_WON"), new FieldChange("probability", "80", "100"),
                new FieldChange("forecastCategory", "COMMIT", "CLOSED"), new FieldChange("closedOn", null,
                        "2026-11-26"));
        assertThat(OpportunityEventChanges.of(new OpportunityLost("o1", LossReason.OTHER, "Projet abandonné", today,
                PROPOSAL))).contains(new FieldChange("lossReason", null, "OTHER"),
                new FieldChange("lossNote", null, "Projet abandonné"));
        assertThat(OpportunityEventChanges.of(new OpportunityReopened("o1", PROPOSAL, OpportunityStatus.WON)))
                .containsExactly(new FieldChange("status", "WON", "OPEN"), new FieldChange("stage", "CLOSED_WON",
                        "PROPOSAL"), new FieldChange("probability", "100", "50"),
                        new FieldChange("forecastCategory", "CLOSED", "BEST_CASE"));
    }

    @Test
    void aStageOfTheSameCategoryChangesOnlyTheStageAndTheProbability() {
        SalesStage qualification = new SalesStage("QUALIFICATION", 20, ForecastCategory.PIPELINE);
        SalesStage prospecting = new SalesStage("PROSPECTING", 10, ForecastCategory.PIPELINE);

        assertThat(OpportunityEventChanges.of(new OpportunityStageChanged("o1", prospecting, qualification)))
                .containsExactly(new FieldChange("stage", "PROSPECTING", "QUALIFICATION"),
                        new FieldChange("probability", "10", "20"));
    }

    @Test
    void ownersAndDetailsAreTheirOwnChanges() {
        FieldChange renamed = new FieldChange("name", "Contrat", "Contrat cadre");

        assertThat(OpportunityEventChanges.of(new OpportunityOwnerAssigned("o1", "rep-2", "rep-1")))
                .containsExactly(new FieldChange("ownerId", "rep-1", "rep-2"));
        assertThat(OpportunityEventChanges.of(new OpportunityDetailsUpdated("o1", "Contrat cadre", null,
                List.of(renamed)))).containsExactly(renamed);
    }
}
