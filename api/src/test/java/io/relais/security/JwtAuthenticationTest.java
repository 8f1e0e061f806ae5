package io.relais.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.relais.support.HttpApi;
import io.relais.support.HttpApi.Response;
import io.relais.support.TestDataDirectories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode: bearer tokens from an identity provider, verified against its key; the configured claim
 * names the Relais user, whose profile comes from the organisation. Tokens here are signed by a key made
 * for the test, given to the application as a public key file (an issuer URI would need the network).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtAuthenticationTest {

    private static final String ISSUER = "https://idp.example.test/realms/relais";
    private static final KeyPair KEY = rsaKey();
    private static final KeyPair OTHER_KEY = rsaKey();
    private static final Path DATA_DIRECTORY = TestDataDirectories.fresh("jwt");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void jwtMode(DynamicPropertyRegistry registry) throws IOException {
        Path publicKey = Files.createDirectories(DATA_DIRECTORY.getParent()).resolve("jwt-" + UUID.randomUUID() + ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEY.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        registry.add("relais.embedded-db.data-directory", DATA_DIRECTORY::toString);
        registry.add("relais.security.mode", () -> "jwt");
        registry.add("relais.security.jwt-user-claim", () -> "preferred_username");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
    }

    @Test
    void aValidTokenSignsInTheUserItNames() {
        Response me = as(token(KEY, ISSUER, "admin", 300)).get("/api/v1/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body().get("userId").asText()).isEqualTo("admin");
    }

    @Test
    void badTokensAreRefusedWithA401Problem() {
        for (String token : new String[]{
                token(OTHER_KEY, ISSUER, "admin", 300),
                token(KEY, ISSUER, "admin", -60),
                token(KEY, ISSUER, "nobody-known", 300),
                "not.a.token"}) {
            Response refused = as(token).get("/api/v1/me");
            assertThat(refused.status()).as(token).isEqualTo(401);
            assertThat(refused.body().get("type").asText()).isEqualTo("urn:relais:problem:unauthenticated");
        }
        Response anonymous = new HttpApi(port).get("/api/v1/leads");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(new HttpApi(port).basic("admin", "any-password-at-all").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void visibilityAndProfilesApplyToTokenUsersAndPasswordsAreTheProvidersBusiness() {
        HttpApi admin = as(token(KEY, ISSUER, "admin", 300));
        String rep = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/users", "{\"userId\": \"" + rep + "\", \"displayName\": \"Rep\", "
                + "\"profile\": \"SALES_REP\", \"password\": \"a-password-here\"}").body().get("type").asText())
                .isEqualTo("urn:relais:problem:passwords-not-managed");
        assertThat(admin.post("/api/v1/users", "{\"userId\": \"" + rep + "\", \"displayName\": \"Rep\", "
                + "\"profile\": \"SALES_REP\"}").status()).isEqualTo(201);
        String theirs = admin.post("/api/v1/leads", "{\"email\": \"" + UUID.randomUUID() + "@example.fr\", "
                + "\"source\": \"REP_ENTRY\", \"ownerId\": \"" + rep + "\"}").body().get("id").asText();
        String notTheirs = admin.post("/api/v1/leads", "{\"email\": \"" + UUID.randomUUID() + "@example.fr\", "
                + "\"source\": \"REP_ENTRY\", \"ownerId\": \"admin\"}").body().get("id").asText();

        HttpApi repApi = as(token(KEY, ISSUER, rep, 300));
        assertThat(repApi.get("/api/v1/leads/" + theirs).status()).isEqualTo(200);
        assertThat(repApi.get("/api/v1/leads/" + notTheirs).status()).isEqualTo(404);
        assertThat(repApi.post("/api/v1/users", "{\"userId\": \"x-y\", \"displayName\": \"X\", "
                + "\"profile\": \"ADMINISTRATOR\"}").status()).isEqualTo(403);
    }

    private HttpApi as(String token) {
        return new HttpApi(port).bearer(token);
    }

    private static String token(KeyPair key, String issuer, String user, long validSeconds) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", user)
                .issueTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.plusSeconds(validSeconds)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
