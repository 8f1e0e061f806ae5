package io.relais.personaldata;

import org.springframework.stereotype.Component;

/**
 * Secrets the engine must read back (the keys that sign webhook deliveries), sealed with the master key that
 * wraps personal data's keys (AES-256-GCM), so that a copy of the database alone does not hold them. A sealed
 * secret is bound to what it is the secret of: moved to something else, it does not open.
 */
@Component
public class SealedSecrets {

    /** A secret as stored: the id of the master key that sealed it, and the ciphertext. */
    public record Sealed(String masterKeyId, byte[] ciphertext) {
    }

    private final MasterKeys masterKeys;

    SealedSecrets(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    public Sealed seal(byte[] secret, String purpose) {
        return masterKeys.seal(secret, purpose);
    }

    public byte[] open(Sealed sealed, String purpose) {
        return masterKeys.open(sealed, purpose);
    }
}
