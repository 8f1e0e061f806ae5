package io.relais.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.standardwebhooks.Webhook;
import io.relais.common.InvalidFieldException;
import io.relais.personaldata.SealedSecrets;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * The subscriptions' signing secrets, in Standard Webhooks' form ({@code whsec_} and 24 to 64 random bytes in
 * Base64), sealed with the master key in {@code webhook_secret}: the events name a secret by its id only, so
 * that neither the event store nor the event stream ever holds one.
 */
@Component
class WebhookSecrets {

    static final String PREFIX = "whsec_";
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;

    private final NamedParameterJdbcTemplate jdbc;
    private final SealedSecrets sealed;
    private final Clock clock;
    private final Cache<String, Webhook> signers = Caffeine.newBuilder().maximumSize(1_000).build();

    WebhookSecrets(NamedParameterJdbcTemplate jdbc, SealedSecrets sealed, Clock clock) {
        this.jdbc = jdbc;
        this.sealed = sealed;
        this.clock = clock;
    }

    /** Seals a secret a request gives for {@code webhookId}; its id. Refused, naming the field, when malformed. */
    String keep(String webhookId, String secret) {
        byte[] key = key(secret);
        String secretId = UUID.randomUUID().toString();
        SealedSecrets.Sealed seal = sealed.seal(key, purpose(secretId));
        jdbc.update("insert into webhook_secret (secret_id, webhook_id, master_key_id, sealed, created_at) "
                        + "values (:id, :webhook, :key, :sealed, :at)",
                new MapSqlParameterSource("id", secretId).addValue("webhook", webhookId)
                        .addValue("key", seal.masterKeyId()).addValue("sealed", seal.ciphertext())
                        .addValue("at", Timestamp.from(clock.instant())));
        return secretId;
    }

    /** What signs with the secret {@code secretId} names. */
    Webhook signer(String secretId) {
        return signers.get(secretId, id -> new Webhook(sealed.open(jdbc.queryForObject("select master_key_id, "
                        + "sealed from webhook_secret where secret_id = :id", new MapSqlParameterSource("id", id),
                (row, i) -> new SealedSecrets.Sealed(row.getString("master_key_id"), row.getBytes("sealed"))),
                purpose(id))));
    }

    private static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new InvalidFieldException("secret", "required", "secret is required: " + PREFIX
                    + " and 24 to 64 random bytes in Base64, as Standard Webhooks writes it");
        }
        byte[] key = null;
        if (secret.startsWith(PREFIX)) {
            try {
                key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        if (key == null || key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new InvalidFieldException("secret", "invalid-secret", "secret must be " + PREFIX + " followed by "
                    + MIN_BYTES + " to " + MAX_BYTES + " random bytes in Base64 (e.g. " + PREFIX
                    + "$(openssl rand -base64 32))");
        }
        return key;
    }

    private static String purpose(String secretId) {
        return "webhook-secret:" + secretId;
    }
}
