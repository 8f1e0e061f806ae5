package io.relais.lead;

import io.relais.process.MergeSurvivors;
import io.relais.process.RecordProcesses;
import io.relais.process.SystemCommands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/** Makes the survivor of a lead merge take over the merged duplicate; idempotent, so a retry is safe. */
@Component
@ProcessingGroup(RecordProcesses.PROCESSING_GROUP)
@DisallowReplay
class LeadMergeProcess {

    private static final String COMPONENT = "lead-merge";

    private final SystemCommands commands;
    private final MergeSurvivors survivors;

    LeadMergeProcess(SystemCommands commands, MergeSurvivors survivors) {
        this.commands = commands;
        this.survivors = survivors;
    }

    @EventHandler
    void on(LeadMergedInto event, MetaData metaData) {
        commands.sendOrFail(COMPONENT, new AbsorbMergedLead(survivors.of(event.survivorId()), event.leadId(),
                event.details()), metaData);
    }
}
