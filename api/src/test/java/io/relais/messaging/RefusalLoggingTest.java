package io.relais.messaging;

import io.relais.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused command is a normal outcome: one line in the log, naming the command, the code and the field. */
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingTest extends ApiTestSupport {

    @Test
    void refusalsAreLoggedInOneLineWithoutAStackTrace(CapturedOutput output) {
        String leadId = api().post("/api/v1/leads", "{\"email\": \"logged@example.fr\", \"source\": \"NEWSLETTER\"}")
                .body().get("id").asText();
        int from = output.getOut().length();

        assertThat(api().post("/api/v1/leads", "{\"firstName\": \"Jean\", \"source\": \"NEWSLETTER\"}").status())
                .isEqualTo(400);
        assertThat(api().post("/api/v1/leads/no-such-lead/qualify", null).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/leads/" + leadId + "/reopen", null).status()).isEqualTo(409);

        String logged = output.getOut().substring(from);
        assertThat(logged).contains("Refused CaptureLead: missing-contact-point (field email)")
                .contains("Refused QualifyLead: not-found (field id)")
                .contains("Refused ReopenLead: invalid-transition (field status)")
                .doesNotContain("Exception occurred while trying to")
                .doesNotContainPattern("(?m)^\\s+at ");
    }
}
