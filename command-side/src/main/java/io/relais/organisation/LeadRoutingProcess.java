package io.relais.organisation;

import io.relais.common.CompanySize;
import io.relais.lead.AutoAssignLead;
import io.relais.lead.LeadCaptured;
import io.relais.lead.LeadDetails;
import io.relais.process.SystemCommands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Gives a lead captured without an owner the owner chosen by the territory rules: the organisation routes
 * it, then the lead is assigned unless someone took it meanwhile.
 */
@Component
@ProcessingGroup(LeadRoutingProcess.PROCESSING_GROUP)
@DisallowReplay
public class LeadRoutingProcess {

    public static final String PROCESSING_GROUP = "lead-assignment";
    private static final String COMPONENT = "lead-routing";

    private final SystemCommands commands;

    LeadRoutingProcess(SystemCommands commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(LeadCaptured event, MetaData metaData) {
        if (event.ownerId() == null) {
            LeadDetails details = event.details();
            CompanySize size = details.companySize() == null ? null : CompanySize.valueOf(details.companySize());
            commands.send(COMPONENT, new RouteLead(event.leadId(),
                    new LeadProfile(details.country(), details.postalCode(), details.nafCode(), size)), metaData);
        }
    }

    @EventHandler
    void on(LeadRouted event, MetaData metaData) {
        commands.send(COMPONENT, new AutoAssignLead(event.leadId(), event.ownerId(), event.territoryId(),
                event.ruleId()), metaData);
    }

    @EventHandler
    void on(LeadRoutedToDefault event, MetaData metaData) {
        if (event.ownerId() != null) {
            commands.send(COMPONENT, new AutoAssignLead(event.leadId(), event.ownerId(), null, null), metaData);
        }
    }
}
