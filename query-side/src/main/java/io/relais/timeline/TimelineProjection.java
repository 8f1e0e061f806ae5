package io.relais.timeline;

import io.relais.account.AccountEventChanges;
import io.relais.account.AccountMergedInto;
import io.relais.account.ContactAdded;
import io.relais.account.ContactMovedIn;
import io.relais.account.LeadConvertedIntoAccount;
import io.relais.activity.ActivityEventChanges;
import io.relais.activity.ActivityLinks;
import io.relais.activity.ActivityLogged;
import io.relais.activity.ActivityScheduled;
import io.relais.activity.ActivityTransferred;
import io.relais.common.AuditMetadata;
import io.relais.common.FieldChange;
import io.relais.lead.LeadConverted;
import io.relais.lead.LeadEventChanges;
import io.relais.lead.LeadPersonalDataErased;
import io.relais.account.ContactPersonalDataErased;
import io.relais.personaldata.DataSubjectKind;
import io.relais.lead.LeadMergedInto;
import io.relais.opportunity.OpportunityDetailsUpdated;
import io.relais.opportunity.OpportunityEventChanges;
import io.relais.opportunity.OpportunityOpened;
import io.relais.opportunity.OpportunityTransferred;
import io.relais.projection.ProjectionBatches;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Projects every account, lead, opportunity and activity event into the 360° timeline: one entry per event,
 * with what changed, who and when, and the links that make a history part of another (a lead converted into
 * an account and its contact, a duplicate merged into its survivor, a deal in its account and primary
 * contact, an activity in the account, contact and deal it is about, a deal or activity in the account it
 * was transferred to). Entries and links are only ever inserted, keyed by event and by pair, so a replay
 * from zero gives the same rows whatever order the segments take.
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection {

    public static final String PROCESSING_GROUP = "timeline";
    private static final String ACCOUNT = "Account";
    private static final String LEAD = "Lead";
    private static final String OPPORTUNITY = "Opportunity";
    private static final String ACTIVITY = "Activity";

    private final TimelineRepository repository;

    TimelineProjection(TimelineRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message, TrackingToken token) {
        String aggregate = message.getType();
        String contactId = ACCOUNT.equals(aggregate) ? AccountEventChanges.contactOf(event) : null;
        TimelineKind kind = switch (aggregate) {
            case ACCOUNT -> contactId == null ? TimelineKind.ACCOUNT : TimelineKind.CONTACT;
            case LEAD -> TimelineKind.LEAD;
            case OPPORTUNITY -> TimelineKind.OPPORTUNITY;
            case ACTIVITY -> TimelineKind.ACTIVITY;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        List<FieldChange> changes = switch (kind) {
            case ACCOUNT, CONTACT -> AccountEventChanges.of(event);
            case LEAD -> LeadEventChanges.of(event);
            case OPPORTUNITY -> OpportunityEventChanges.of(event);
            case ACTIVITY -> ActivityEventChanges.of(event);
        };
        MetaData meta = message.getMetaData();
        TimelineBatch batch = batch();
        batch.add(new TimelineRow(new TimelineEntry(message.getIdentifier(), kind,
                message.getPayloadType().getSimpleName(), message.getAggregateIdentifier(), message.getSequenceNumber(),
                contactId, message.getTimestamp(), text(meta, AuditMetadata.USER_ID),
                text(meta, AuditMetadata.ON_BEHALF_OF), text(meta, AuditMetadata.CORRELATION_ID),
                text(meta, AuditMetadata.CAUSATION_ID), changes, false), position(token)));
        links(event, batch);
        if (event instanceof LeadPersonalDataErased erased) {
            batch.erasures.add(new TimelineBatch.Erasure(DataSubjectKind.LEAD, erased.leadId()));
        } else if (event instanceof ContactPersonalDataErased erased) {
            batch.erasures.add(new TimelineBatch.Erasure(DataSubjectKind.CONTACT, erased.contactId()));
        }
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    /** Histories that become part of another: {@code link(record, member)} shows member's entries with record's. */
    private static void links(Object event, TimelineBatch batch) {
        if (event instanceof LeadConverted converted) {
            batch.link(converted.accountId(), converted.leadId());
            batch.link(converted.contactId(), converted.leadId());
        } else if (event instanceof LeadConvertedIntoAccount converted) {
            batch.link(converted.accountId(), converted.leadId());
            batch.link(converted.contactId(), converted.leadId());
        } else if (event instanceof ContactAdded added && added.leadId() != null) {
            batch.link(added.contactId(), added.leadId());
        } else if (event instanceof ContactMovedIn moved && moved.contact().leadId() != null) {
            batch.link(moved.contact().contactId(), moved.contact().leadId());
        } else if (event instanceof AccountMergedInto merged) {
            batch.link(merged.survivorId(), merged.accountId());
        } else if (event instanceof LeadMergedInto merged) {
            batch.link(merged.survivorId(), merged.leadId());
        } else if (event instanceof OpportunityOpened opened) {
            batch.link(opened.accountId(), opened.opportunityId());
            batch.link(opened.primaryContactId(), opened.opportunityId());
        } else if (event instanceof OpportunityDetailsUpdated updated) {
            batch.link(updated.primaryContactId(), updated.opportunityId());
        } else if (event instanceof OpportunityTransferred transferred) {
            batch.link(transferred.accountId(), transferred.opportunityId());
        } else if (event instanceof ActivityLogged logged) {
            links(logged.activityId(), logged.links(), batch);
        } else if (event instanceof ActivityScheduled scheduled) {
            links(scheduled.activityId(), scheduled.links(), batch);
        } else if (event instanceof ActivityTransferred transferred) {
            batch.link(transferred.accountId(), transferred.activityId());
        }
    }

    private static void links(String activityId, ActivityLinks links, TimelineBatch batch) {
        batch.link(links.accountId(), activityId);
        batch.link(links.contactId(), activityId);
        batch.link(links.opportunityId(), activityId);
    }

    private TimelineBatch batch() {
        return ProjectionBatches.current(TimelineBatch.class, messages -> new TimelineBatch(), repository::write);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("The event has no position in the store"));
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : Objects.toString(value);
    }
}
