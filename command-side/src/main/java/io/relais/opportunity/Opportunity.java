package io.relais.opportunity;

import io.relais.account.AccountStatus;
import io.relais.account.OtherAccounts;
import io.relais.common.AuditMetadata;
import io.relais.common.Changes;
import io.relais.common.ConflictException;
import io.relais.common.ExpectedVersion;
import io.relais.common.FieldChange;
import io.relais.common.Fields;
import io.relais.common.InvalidFieldException;
import io.relais.common.InvalidTransitionException;
import io.relais.common.RecordNotFoundException;
import io.relais.common.Updates;
import io.relais.organisation.Authorization;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * A deal with an account: its stage (with the probability and forecast category in force when it moved
 * there), amount, expected close date and line items priced from the catalogue. Every change is an event, so
 * the stage and amount histories of every deal are kept. Visibility and rights follow its owner, as for
 * leads and accounts.
 */
@Aggregate(cache = "opportunityCache")
public class Opportunity {

    private static final int MAX_LINES = 200;

    @AggregateIdentifier
    private String opportunityId;
    private String accountId;
    private String ownerId;
    private String name;
    private String primaryContactId;
    private String currency;
    private BigDecimal amount;
    private LocalDate expectedCloseDate;
    private SalesStage stage;
    private OpportunityStatus status;
    private Map<String, LineItem> lines = new LinkedHashMap<>();
    /** The manual amount the deal had when its first line (since it last had none) was added. */
    private BigDecimal amountBeforeLines;

    protected Opportunity() {
    }

    @CommandHandler
    public Opportunity(OpenOpportunity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, SalesStages stages, OtherAccounts accounts) {
        String owner = authorization.requireNewRecordOwner(actorId, command.ownerId());
        Fields.exactIdentifier("opportunityId", command.opportunityId());
        String accountId = Fields.identifier("accountId", command.accountId());
        if (accounts.standing(accountId).filter(OtherAccounts.Standing::merged).isPresent()) {
            throw new InvalidTransitionException("open a deal with an account", AccountStatus.MERGED.name());
        }
        OpenOpportunity deal = command.validated("");
        apply(new OpportunityOpened(command.opportunityId(), accountId, deal.name(), owner,
                Fields.optionalIdentifier("primaryContactId", command.primaryContactId()),
                Fields.optionalIdentifier("leadId", command.leadId()),
                deal.currency(), deal.amount(), deal.expectedCloseDate(), deal.priceList(), stages.first()));
    }

    @CommandHandler
    public long handle(UpdateOpportunityDetails command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        String newName = Fields.required("name", command.name(), 200);
        String newContact = Fields.optionalIdentifier("primaryContactId", command.primaryContactId());
        Updates.record(detailChanges(newName, newContact),
                changes -> new OpportunityDetailsUpdated(opportunityId, newName, newContact, changes));
        return getVersion();
    }

    @CommandHandler
    public long handle(ChangeOpportunityStage command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, SalesStages stages) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        SalesStage next = stages.open("stage", command.stage());
        requireOpen("change the stage of a deal");
        if (!next.equals(stage)) {
            apply(new OpportunityStageChanged(opportunityId, stage, next));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ChangeOpportunityAmount command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        BigDecimal newAmount = Fields.amount("amount", command.amount(), 2);
        requireOpen("change the amount of a deal");
        if (!lines.isEmpty()) {
            throw new ConflictException("amount", "amount-from-line-items",
                    "The deal's amount is the total of its line items: change them instead");
        }
        if (!sameAmount(newAmount, amount)) {
            apply(new OpportunityAmountChanged(opportunityId, amount, newAmount));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(ChangeOpportunityCloseDate command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        Fields.present("expectedCloseDate", command.expectedCloseDate());
        Fields.date("expectedCloseDate", command.expectedCloseDate());
        requireOpen("move the close date of a deal");
        if (!command.expectedCloseDate().equals(expectedCloseDate)) {
            apply(new OpportunityCloseDateChanged(opportunityId, expectedCloseDate, command.expectedCloseDate()));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(AddOpportunityLineItem command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        Fields.present("productId", command.line());
        LineItem line = command.line().validated();
        requireOpen("add a line to a deal");
        if (lines.containsKey(line.lineId())) {
            throw new ConflictException("lineId", "line-exists", "The deal already has a line " + line.lineId());
        }
        if (lines.size() >= MAX_LINES) {
            throw new InvalidFieldException("lineId", "too-many", "A deal has at most " + MAX_LINES + " lines");
        }
        List<LineItem> withLine = new ArrayList<>(lines.values());
        withLine.add(line);
        BigDecimal total = LineItem.totalOf(withLine);
        apply(new OpportunityLineItemAdded(opportunityId, line, amount, total));
        return getVersion();
    }

    /**
     * Removing the last line gives the deal a manual amount again, or it would drop out of forecasts: the one
     * it had before lines priced it, or, if it had none, the lines' last total. That is an amount change of its
     * own after the removal, so that the removals stored before this rule (which left no amount) keep their
     * meaning on replay.
     */
    @CommandHandler
    public long handle(RemoveOpportunityLineItem command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        requireOpen("remove a line from a deal");
        LineItem removed = command.lineId() == null ? null : lines.get(command.lineId());
        if (removed == null) {
            throw new RecordNotFoundException(String.valueOf(command.lineId()));
        }
        BigDecimal linesTotal = amount;
        boolean lastLine = lines.size() == 1;
        BigDecimal total = lines.values().stream().filter(line -> line != removed).map(LineItem::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        apply(new OpportunityLineItemRemoved(opportunityId, removed.lineId(), linesTotal, lastLine ? null : total));
        if (lastLine) {
            apply(new OpportunityAmountChanged(opportunityId, null,
                    amountBeforeLines == null ? linesTotal : amountBeforeLines));
        }
        return getVersion();
    }

    @CommandHandler
    public long handle(AssignOpportunityOwner command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        authorization.reassignment(actorId, command.ownerId(), ownerId)
                .ifPresent(owner -> apply(new OpportunityOwnerAssigned(opportunityId, owner, ownerId)));
        return getVersion();
    }

    @CommandHandler
    public long handle(CloseOpportunityWon command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, Clock clock) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        requireOpen("close a deal");
        apply(new OpportunityWon(opportunityId, accountId, ownerId, currency, amount, LocalDate.now(clock), stage));
        return getVersion();
    }

    @CommandHandler
    public long handle(CloseOpportunityLost command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, Clock clock) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        String note = Fields.reasonNote(command.reason(), command.note());
        requireOpen("close a deal");
        apply(new OpportunityLost(opportunityId, command.reason(), note, LocalDate.now(clock), stage));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReopenOpportunity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization, SalesStages stages) {
        authorization.requireChange(actorId, ownerId, opportunityId);
        ExpectedVersion.require(command.expectedVersion());
        SalesStage reopened = stages.open("stage", command.stage());
        if (status == OpportunityStatus.OPEN) {
            throw new InvalidTransitionException("reopen a deal", status.name());
        }
        apply(new OpportunityReopened(opportunityId, reopened, status));
        return getVersion();
    }

    /** Following the account's merge again changes nothing. */
    @CommandHandler
    public long handle(TransferOpportunity command, @MetaDataValue(AuditMetadata.USER_ID) String actorId,
                       Authorization authorization) {
        authorization.requireSystem(actorId);
        if (!command.accountId().equals(accountId)) {
            if (!command.previousAccountId().equals(accountId)) {
                throw new InvalidFieldException("previousAccountId", "not-the-account",
                        "The deal belongs to " + accountId + ", not " + command.previousAccountId());
            }
            apply(new OpportunityTransferred(opportunityId, command.accountId(), accountId));
        }
        return getVersion();
    }

    private List<FieldChange> detailChanges(String newName, String newContact) {
        List<FieldChange> changes = new ArrayList<>();
        Changes.add(changes, "name", name, newName);
        Changes.add(changes, "primaryContactId", primaryContactId, newContact);
        return changes;
    }

    private void requireOpen(String action) {
        if (status != OpportunityStatus.OPEN) {
            throw new InvalidTransitionException(action, status.name());
        }
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @EventSourcingHandler
    void on(OpportunityOpened event) {
        opportunityId = event.opportunityId();
        accountId = event.accountId();
        ownerId = event.ownerId();
        name = event.name();
        primaryContactId = event.primaryContactId();
        currency = event.currency();
        amount = event.amount();
        expectedCloseDate = event.expectedCloseDate();
        stage = event.stage();
        status = OpportunityStatus.OPEN;
    }

    @EventSourcingHandler
    void on(OpportunityDetailsUpdated event) {
        name = event.name();
        primaryContactId = event.primaryContactId();
    }

    @EventSourcingHandler
    void on(OpportunityStageChanged event) {
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(OpportunityAmountChanged event) {
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(OpportunityCloseDateChanged event) {
        expectedCloseDate = event.expectedCloseDate();
    }

    @EventSourcingHandler
    void on(OpportunityLineItemAdded event) {
        if (lines.isEmpty()) {
            amountBeforeLines = event.previousAmount();
        }
        lines.put(event.line().lineId(), event.line());
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(OpportunityLineItemRemoved event) {
        lines.remove(event.lineId());
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(OpportunityOwnerAssigned event) {
        ownerId = event.ownerId();
    }

    @EventSourcingHandler
    void on(OpportunityWon event) {
        status = OpportunityStatus.WON;
        stage = SalesStage.CLOSED_WON;
    }

    @EventSourcingHandler
    void on(OpportunityLost event) {
        status = OpportunityStatus.LOST;
        stage = SalesStage.CLOSED_LOST;
    }

    @EventSourcingHandler
    void on(OpportunityReopened event) {
        status = OpportunityStatus.OPEN;
        stage = event.stage();
    }

    @EventSourcingHandler
    void on(OpportunityTransferred event) {
        accountId = event.accountId();
    }
}
