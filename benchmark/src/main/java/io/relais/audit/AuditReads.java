package io.relais.audit;

import org.springframework.context.ApplicationContext;

import java.util.Set;

/**
 * The auditor's reads as {@code GET /api/v1/audit/events} and {@code /api/v1/audit/records/{type}/{id}} make them,
 * for the benchmark: its package is not the audit view's, whose queries are the engine's own.
 */
public final class AuditReads {

    private final AuditTrail trail;

    public AuditReads(ApplicationContext context) {
        this.trail = context.getBean(AuditTrail.class);
    }

    /** The newest page of {@code size} events that {@code userId} made or the system made on their behalf. */
    public int newestByUser(String userId, int size) {
        return trail.page(new AuditQuery(null, null, userId, null, Set.of(), null, null,
                new AuditQuery.Paging(false, null, null, size))).content().size();
    }

    /** One record's whole history, oldest first. */
    public int history(AuditRecordType type, String id) {
        return trail.history(new AuditRecord(type, id)).size();
    }
}
