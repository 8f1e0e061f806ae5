package io.relais.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Remembers, for a short time, which user and password BCrypt accepted against which stored hash, so that a
 * client sending the same credentials on every request costs one keyed hash instead of one BCrypt check.
 * <p>
 * Neither the password nor a plain hash of it is kept: entries are keyed by an HMAC-SHA256 of user and
 * password under a random key that lives only in this process. An entry counts only while the user's stored
 * hash is still the one it was verified against, so a changed password takes effect at once; the caller
 * loads the user on every request, so a deactivation or a new profile does too.
 */
final class VerifiedPasswordCache {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Cache<String, String> hashByCredentials;

    VerifiedPasswordCache(SecurityProperties.VerifiedPasswords settings) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, ALGORITHM);
        this.hashByCredentials = Caffeine.newBuilder()
                .expireAfterWrite(settings.timeToLive())
                .maximumSize(settings.maxEntries())
                .build();
    }

    /** Whether BCrypt accepted this user and password against {@code storedHash} a short while ago. */
    boolean verified(String userId, String password, String storedHash) {
        return storedHash.equals(hashByCredentials.getIfPresent(credentials(userId, password)));
    }

    /** Records that BCrypt accepted this user and password against {@code storedHash}. */
    void remember(String userId, String password, String storedHash) {
        hashByCredentials.put(credentials(userId, password), storedHash);
    }

    private String credentials(String userId, String password) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no " + ALGORITHM, e);
        }
    }
}
