package io.relais.audit;

import io.relais.support.AccessMatrix;
import io.relais.support.HttpApi.Response;
import io.relais.support.NeedsPostgreSqlEventStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reads the audit view: auditors and administrators, whatever their place in the hierarchy; every other
 * profile is refused (403), whatever the record, even one of their own; nobody unsigned (401). It changes nothing.
 */
@NeedsPostgreSqlEventStore
class AuditAccessMatrixTest extends AccessMatrix {

    @ParameterizedTest(name = "{0} reads the audit view")
    @EnumSource(Relationship.class)
    void auditView(Relationship relationship) {
        String lead = relationship == Relationship.ANONYMOUS ? "anything" : created(as(Relationship.OWNER)
                .post("/api/v1/leads", "{\"lastName\": \"Matrice\", \"company\": \"" + tag + "\", \"source\": \"WEB_FORM\"}"));
        int status = switch (relationship) {
            case AUDITOR, ADMINISTRATOR -> 200;
            case ANONYMOUS -> 401;
            default -> 403;
        };
        long before = storedEvents();

        for (String path : new String[] {"/api/v1/audit/events?size=1", "/api/v1/audit/events?recordId=" + lead,
                "/api/v1/audit/records/LEAD/" + lead, "/api/v1/audit/records/USER/" + id(Relationship.OWNER)}) {
            Response read = as(relationship).get(path);
            assertThat(read.status()).as(path + " " + read).isEqualTo(status);
            if (status == 200) {
                assertThat(read.body().get("content")).as(path).hasSize(1);
            } else {
                assertThat(read.body().get("type").asText()).isEqualTo(status == 401
                        ? "urn:relais:problem:unauthenticated" : "urn:relais:problem:forbidden");
            }
        }
        assertThat(storedEvents()).isEqualTo(before);
    }
}
