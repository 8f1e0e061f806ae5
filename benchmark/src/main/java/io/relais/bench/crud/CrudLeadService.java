package io.relais.bench.crud;

import io.relais.lead.LeadDetails;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * The same two operations as the benchmark's commands, the way a plain Spring Data JPA CRUD service does them:
 * capture a lead (one insert), then change its city saying which version the caller saw (a read and an update,
 * refused if the version moved). No history, no projection, no authorisation.
 */
public class CrudLeadService {

    private final CrudLeads leads;
    private final Clock clock = Clock.systemUTC();

    CrudLeadService(CrudLeads leads) {
        this.leads = leads;
    }

    @Transactional
    public String capture(LeadDetails d, String source, String sourceDetail, String capturedBy) {
        String id = UUID.randomUUID().toString();
        leads.save(new CrudLead(id, d.firstName(), d.lastName(), d.email(), d.phone(), d.company(), d.jobTitle(),
                d.website(), d.postalCode(), d.city(), d.country(), d.nafCode(), d.companySize(), source, sourceDetail,
                capturedBy, clock.instant()));
        return id;
    }

    @Transactional
    public void moveTo(String id, String city, long expectedVersion) {
        CrudLead lead = leads.findById(id).orElseThrow();
        if (lead.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(CrudLead.class, id);
        }
        lead.moveTo(city, clock.instant());
    }
}
