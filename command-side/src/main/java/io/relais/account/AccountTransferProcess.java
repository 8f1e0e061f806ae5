package io.relais.account;

import io.relais.lead.TransferConvertedLead;
import io.relais.process.MergeSurvivors;
import io.relais.process.SystemCommands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Completes what leaves an account: a moved contact is taken in by its new account, and a merged
 * duplicate's contacts, details and converted leads go to its survivor. Every step is idempotent, so a
 * retried event completes the process without doing anything twice.
 */
@Component
@ProcessingGroup(MergeSurvivors.PROCESSING_GROUP)
@DisallowReplay
class AccountTransferProcess {

    private static final String COMPONENT = "account-transfer";

    private final SystemCommands commands;
    private final MergeSurvivors survivors;

    AccountTransferProcess(SystemCommands commands, MergeSurvivors survivors) {
        this.commands = commands;
        this.survivors = survivors;
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
    }
}
