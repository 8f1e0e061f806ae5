package io.relais.personaldata;

import io.relais.account.ContactView;
import io.relais.account.FindContact;
import io.relais.activity.ActivityPage;
import io.relais.activity.ActivityView;
import io.relais.activity.FindActivities;
import io.relais.audit.AuditEntry;
import io.relais.audit.AuditRecord;
import io.relais.audit.AuditRecordType;
import io.relais.audit.AuditTrail;
import io.relais.common.PageRequest;
import io.relais.lead.FindLead;
import io.relais.lead.LeadView;
import io.relais.organisation.Viewer;
import io.relais.web.Queries;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The subject access request: everything about a person, from the read models and the event store. */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
public class DataSubjectExports {

    private final Queries queries;
    private final AuditTrail trail;
    private final SubjectKeys keys;
    private final Clock clock;

    public DataSubjectExports(Queries queries, AuditTrail trail, SubjectKeys keys, Clock clock) {
        this.queries = queries;
        this.trail = trail;
        this.keys = keys;
        this.clock = clock;
    }

    /** Everything about {@code subject}, found as {@code viewer} sees it (404 otherwise). */
    public DataSubjectExport export(DataSubject subject, Viewer viewer) {
        String id = subject.id();
        Instant erasedAt = keys.erasedAt(subject).orElse(null);
        return switch (subject.kind()) {
            case LEAD -> {
                LeadView lead = queries.found(new FindLead(id, viewer), LeadView.class, "Lead", id);
                yield new DataSubjectExport(subject.kind(), id, Instant.now(clock), erasedAt, List.of(lead), List.of(), List.of(),
                        trail.history(new AuditRecord(AuditRecordType.LEAD, id)), lead.convertedContactId() == null
                        ? List.of() : List.of(new DataSubject(DataSubjectKind.CONTACT, lead.convertedContactId())));
            }
            case CONTACT -> {
                ContactView contact = queries.found(new FindContact(id, viewer), ContactView.class, "Contact", id);
                List<ActivityView> activities = activitiesAbout(id);
                List<AuditEntry> history = new ArrayList<>(trail.history(new AuditRecord(AuditRecordType.CONTACT, id)));
                activities.forEach(activity -> history.addAll(trail.history(
                        new AuditRecord(AuditRecordType.ACTIVITY, activity.id()))));
                history.sort(Comparator.comparingLong(AuditEntry::position));
                yield new DataSubjectExport(subject.kind(), id, Instant.now(clock), erasedAt, List.of(), List.of(contact),
                        activities,
                        history, contact.leadId() == null ? List.of()
                        : List.of(new DataSubject(DataSubjectKind.LEAD, contact.leadId())));
            }
        };
    }

    private List<ActivityView> activitiesAbout(String contactId) {
        List<ActivityView> activities = new ArrayList<>();
        for (int page = 0; ; page++) {
            ActivityPage found = queries.answer(new FindActivities(Viewer.system(), null, contactId, null, null, null,
                    null, null, new PageRequest(page, PageRequest.MAX_SIZE)), ActivityPage.class);
            activities.addAll(found.content());
            if (page + 1 >= found.totalPages()) {
                return activities;
            }
        }
    }
}
