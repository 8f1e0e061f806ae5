package io.relais.organisation;

import io.relais.lead.AssignLeadOwner;
import io.relais.process.SystemCommands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Moves a user's open records to their successor, one command per record. */
@Component
@ProcessingGroup(LeadRoutingProcess.PROCESSING_GROUP)
@DisallowReplay
class RecordReassignmentProcess {

    private static final String COMPONENT = "record-reassignment";

    private final SystemCommands commands;
    private final OwnedRecords ownedRecords;

    RecordReassignmentProcess(SystemCommands commands, OwnedRecords ownedRecords) {
        this.commands = commands;
        this.ownedRecords = ownedRecords;
    }

    @EventHandler
    void on(RecordsReassignmentRequested event, MetaData metaData) {
        for (String leadId : ownedRecords.openLeadsOwnedBy(event.fromUserId())) {
            commands.send(COMPONENT, new AssignLeadOwner(leadId, event.toUserId(), null), metaData);
        }
    }
}
