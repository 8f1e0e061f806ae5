package io.relais.personaldata;

import io.relais.common.PageRequest;
import io.relais.messaging.ActingContext;
import io.relais.organisation.OrganisationIds;
import io.relais.organisation.Viewer;
import io.relais.web.Queries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * People are kept for a period without contact (three years by default, the CNIL's rule for prospects), then
 * erased by a daily task acting as {@code system:retention}; the same rule answers the dry run.
 */
@Component
public class Retention {

    static final String ACTOR = OrganisationIds.SYSTEM_PREFIX + "retention";
    static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final PageRequest BATCH = new PageRequest(0, 100);

    private final PersonalDataProperties.Retention periods;
    private final Queries queries;
    private final DataSubjectErasures erasures;
    private final Clock clock;

    public Retention(PersonalDataProperties properties, Queries queries, DataSubjectErasures erasures, Clock clock) {
        this.periods = properties.retention();
        this.queries = queries;
        this.erasures = erasures;
        this.clock = clock;
    }

    /** Who is past their retention period now and not erased yet. */
    public RetentionCandidatePage due(PageRequest page) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return queries.answer(new FindRetentionCandidates(startOf(today.minus(periods.leads())),
                startOf(today.minus(periods.contactsOfProspects())), page), RetentionCandidatePage.class);
    }

    /** Erases everyone past their retention period; the number erased. A refusal leaves that person for the next run. */
    public int eraseDue() throws Exception {
        ActingContext system = new ActingContext(ACTOR, null, "retention-" + Instant.now(clock));
        return system.call(() -> {
            Set<DataSubject> tried = new HashSet<>();
            int erased = 0;
            while (true) {
                int before = tried.size();
                for (RetentionCandidate candidate : due(BATCH).content()) {
                    DataSubject subject = new DataSubject(candidate.kind(), candidate.id());
                    if (tried.add(subject) && erase(subject, candidate)) {
                        erased++;
                    }
                }
                if (tried.size() == before) {
                    return erased;
                }
            }
        });
    }

    private boolean erase(DataSubject subject, RetentionCandidate candidate) {
        try {
            erasures.erase(subject, new ErasureRequest("Retention: no contact since " + candidate.lastContactAt()
                    + " (" + (subject.kind() == DataSubjectKind.LEAD ? periods.leads() : periods.contactsOfProspects())
                    + " without contact)", null), Viewer.system());
            return true;
        } catch (RuntimeException e) {
            log.warn("The retention erasure of {} failed; the next run tries again: {}", subject, e.toString());
            return false;
        }
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
