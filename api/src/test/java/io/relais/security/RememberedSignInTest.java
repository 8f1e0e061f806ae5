package io.relais.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.relais.organisation.Profile;
import io.relais.support.ApiTestSupport;
import io.relais.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client sends its password with every request: BCrypt checks it once, then the verified credentials are
 * remembered, and everything that should end a sign-in still ends it on the next request.
 */
class RememberedSignInTest extends ApiTestSupport {

    @Autowired
    private MeterRegistry meters;

    @Test
    void repeatedRequestsWithTheSamePasswordRunBCryptOnce() {
        TestUser rep = user("repeat", Profile.SALES_REP);
        double verifiedBefore = signIns("verified");
        double rememberedBefore = signIns("remembered");

        for (int i = 0; i < 5; i++) {
            assertThat(rep.api().get("/api/v1/me").status()).isEqualTo(200);
        }

        assertThat(signIns("verified") - verifiedBefore).isEqualTo(1);
        assertThat(signIns("remembered") - rememberedBefore).isEqualTo(4);
    }

    @Test
    void aChangedPasswordTakesEffectOnTheNextRequest() {
        TestUser rep = user("changes-password", Profile.SALES_REP);
        signInTwice(rep.api());

        assertThat(api().put("/api/v1/users/" + rep.id() + "/password",
                "{\"password\": \"a-brand-new-password\"}").status()).isEqualTo(204);

        assertThat(rep.api().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous().basic(rep.id(), "a-brand-new-password").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aDeactivatedUserIsRefusedOnTheNextRequest() {
        TestUser rep = user("leaves", Profile.SALES_REP);
        signInTwice(rep.api());

        assertThat(api().post("/api/v1/users/" + rep.id() + "/deactivate", "{}").status()).isEqualTo(200);

        assertThat(rep.api().get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void aNewProfileTakesEffectOnTheNextRequest() {
        TestUser analyst = user("promoted", Profile.ANALYST);
        signInTwice(analyst.api());
        assertThat(analyst.api().get("/actuator/health").body().has("components")).isFalse();

        assertThat(api().put("/api/v1/users/" + analyst.id() + "/profile", "{\"profile\": \"ADMINISTRATOR\"}")
                .status()).isEqualTo(200);

        assertThat(analyst.api().get("/actuator/health").body().has("components")).isTrue();
    }

    /** Once checked by BCrypt, once remembered. */
    private static void signInTwice(HttpApi api) {
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
    }

    private double signIns(String outcome) {
        return meters.get("relais.sign-ins").tag("outcome", outcome).counter().count();
    }
}
