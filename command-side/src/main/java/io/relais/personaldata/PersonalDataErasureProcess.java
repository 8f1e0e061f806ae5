package io.relais.personaldata;

import io.relais.account.AccountRecords;
import io.relais.account.ContactPersonalDataErased;
import io.relais.account.EraseContactPersonalData;
import io.relais.lead.EraseLeadPersonalData;
import io.relais.lead.LeadPersonalDataErased;
import io.relais.process.MergeSurvivors;
import io.relais.process.RecordProcesses;
import io.relais.process.SystemCommands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * A lead and the contact it was converted into are one person: erasing either erases the other, for the same
 * request, on behalf of whoever asked. The contact is found where it is now (it may have moved, or its
 * account been merged). Erasing twice changes nothing, so a retried event does no harm.
 */
@Component
@ProcessingGroup(RecordProcesses.PROCESSING_GROUP)
@DisallowReplay
class PersonalDataErasureProcess {

    private static final String COMPONENT = "personal-data-erasure";

    private final SystemCommands commands;
    private final MergeSurvivors survivors;
    private final AccountRecords records;

    PersonalDataErasureProcess(SystemCommands commands, MergeSurvivors survivors, AccountRecords records) {
        this.commands = commands;
        this.survivors = survivors;
        this.records = records;
    }

    @EventHandler
    void on(LeadPersonalDataErased event, MetaData metaData) {
        if (event.convertedContactId() != null) {
            String account = records.accountOfContact(event.convertedContactId())
                    .orElseGet(() -> survivors.of(event.convertedAccountId()));
            commands.sendOrFail(COMPONENT, new EraseContactPersonalData(account, event.convertedContactId(),
                    event.request()), metaData);
        }
    }

    @EventHandler
    void on(ContactPersonalDataErased event, MetaData metaData) {
        if (event.leadId() != null) {
            commands.sendOrFail(COMPONENT, new EraseLeadPersonalData(event.leadId(), event.request()), metaData);
        }
    }
}
