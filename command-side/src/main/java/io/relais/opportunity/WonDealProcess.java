package io.relais.opportunity;

import io.relais.account.PromoteAccountToCustomer;
import io.relais.activity.ActivityKind;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ScheduleActivity;
import io.relais.common.Refusal;
import io.relais.process.MergeSurvivors;
import io.relais.process.RecordProcesses;
import io.relais.process.SystemCommands;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A deal closed as won feeds the customer file: its account becomes a customer. When the ERP's fields are
 * missing, the promotion is refused but the deal stays won, and its owner gets a task to complete the record.
 * A task the owner cannot be given (a deal without owner, an owner since deactivated) is refused, logged and
 * skipped: it would be refused on every retry, and the record processes would wait on it for good.
 */
@Component
@ProcessingGroup(RecordProcesses.PROCESSING_GROUP)
@DisallowReplay
class WonDealProcess {

    private static final String COMPONENT = "won-deal";
    private static final Duration TIME_TO_COMPLETE = Duration.ofDays(7);
    private static final Duration REMINDER_BEFORE = Duration.ofDays(1);

    private final SystemCommands commands;
    private final MergeSurvivors survivors;
    private final Clock clock;

    WonDealProcess(SystemCommands commands, MergeSurvivors survivors, Clock clock) {
        this.commands = commands;
        this.survivors = survivors;
        this.clock = clock;
    }

    @EventHandler
    void on(OpportunityWon event, EventMessage<?> message) {
        // the account may have been merged into another since: its survivor is the customer now
        String accountId = survivors.of(event.accountId());
        Optional<Refusal> refused = commands.attempt(COMPONENT, new PromoteAccountToCustomer(accountId, null),
                message.getMetaData());
        if (refused.isPresent() && refused.get().code().equals("erp-fields-missing")) {
            Instant due = clock.instant().plus(TIME_TO_COMPLETE);
            // one task per won event, whatever retries the process goes through
            String taskId = UUID.nameUUIDFromBytes(("data-completion:" + message.getIdentifier())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            commands.send(COMPONENT, new ScheduleActivity(taskId, ActivityKind.TASK,
                    "Complete the customer record for the ERP", "The deal was won but the account cannot become a "
                            + "customer until these fields are filled: " + String.join(", ",
                            refused.get().missingFields()), new ActivityLinks(accountId, null,
                            event.opportunityId()), due, event.ownerId(), due.minus(REMINDER_BEFORE)),
                    message.getMetaData());
        }
    }
}
