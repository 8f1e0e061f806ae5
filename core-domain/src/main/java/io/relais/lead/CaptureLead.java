package io.relais.lead;

import io.relais.common.Fields;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Clock;

/** Record a new lead. Only one way to reach someone is required; everything else may come later. */
public record CaptureLead(
        @TargetAggregateIdentifier String leadId,
        LeadDetails details,
        LeadSource source,
        String sourceDetail,
        MarketingConsent consent,
        String ownerId) {

    /**
     * The lead this command captures for {@code owner}, by today's rules; refused with the first field they
     * refuse. An import's dry run checks its rows with it, without capturing them.
     */
    public LeadCaptured captured(String owner, Clock clock) {
        Fields.exactIdentifier("leadId", leadId);
        LeadDetails validDetails = details == null
                ? new LeadDetails(null, null, null, null, null, null, null, null, null, null, null, null, null)
                : details.validated();
        validDetails.requireContactPoint();
        Fields.present("source", source);
        MarketingConsent validConsent = consent == null ? null : consent.validated(clock);
        return new LeadCaptured(leadId, validDetails, source, Fields.text("sourceDetail", sourceDetail, 200),
                validConsent, owner);
    }
}
