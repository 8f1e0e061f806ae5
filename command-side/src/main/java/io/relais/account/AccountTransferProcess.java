package io.relais.account;

import io.relais.activity.TransferActivity;
import io.relais.lead.TransferConvertedLead;
import io.relais.opportunity.TransferOpportunity;
import io.relais.process.MergeSurvivors;
import io.relais.process.RecordProcesses;
import io.relais.process.SystemCommands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Completes what leaves an account: a moved contact is taken in by its new account, and a merged
 * duplicate's contacts, details, converted leads, deals and activities go to its survivor. The deals and
 * activities are found in their read models: one opened in the very instant of the merge stays with the
 * merged account (its history still shows in the survivor's timeline). Every step is idempotent, so a
 * retried event completes the process without doing anything twice.
 */
@Component
@ProcessingGroup(RecordProcesses.PROCESSING_GROUP)
@DisallowReplay
class AccountTransferProcess {

    private static final String COMPONENT = "account-transfer";

    private final SystemCommands commands;
    private final MergeSurvivors survivors;
    private final AccountRecords records;

    AccountTransferProcess(SystemCommands commands, MergeSurvivors survivors, AccountRecords records) {
        this.commands = commands;
        this.survivors = survivors;
        this.records = records;
    }

    /** A contact the new account cannot take (it no longer exists) goes back to the account it left. */
    @EventHandler
    void on(ContactMovedOut event, MetaData metaData) {
        String target = survivors.of(event.toAccountId());
        if (commands.send(COMPONENT, new ReceiveContact(target, event.accountId(), event.contact()), metaData)
                .isEmpty()) {
            commands.sendOrFail(COMPONENT, new ReceiveContact(survivors.of(event.accountId()), event.accountId(),
                    event.contact()), metaData);
        }
    }

    @EventHandler
    void on(AccountMergedInto event, MetaData metaData) {
        String survivor = survivors.of(event.survivorId());
        commands.sendOrFail(COMPONENT, AbsorbMergedAccount.of(survivor, event), metaData);
        for (String leadId : event.convertedLeadIds()) {
            commands.send(COMPONENT, new TransferConvertedLead(leadId, survivor, event.accountId()), metaData);
        }
        for (String opportunityId : records.opportunitiesOf(event.accountId())) {
            commands.send(COMPONENT, new TransferOpportunity(opportunityId, survivor, event.accountId()), metaData);
        }
        for (String activityId : records.activitiesOf(event.accountId())) {
            commands.send(COMPONENT, new TransferActivity(activityId, survivor, event.accountId()), metaData);
        }
    }
}
