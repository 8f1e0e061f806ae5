package io.relais.personaldata;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The master key that wraps every data subject's key, and the previous ones still accepted while a rotation
 * runs. A key is 32 random bytes written in Base64; its id (the start of its SHA-256) is stored beside each
 * key it wraps, so that the right one unwraps it.
 */
final class MasterKeys {

    private static final int KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private MasterKeys(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** The keys as configured; a missing key file at {@code generatedFile} is generated (the embedded default). */
    static MasterKeys load(PersonalDataProperties properties, Optional<Path> generatedFile) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        SecretKey current;
        if (properties.masterKey() != null) {
            current = parse(properties.masterKey(), "relais.personal-data.master-key");
        } else if (properties.masterKeyFile() != null) {
            current = read(properties.masterKeyFile());
        } else if (generatedFile.isPresent()) {
            current = readOrGenerate(generatedFile.get());
        } else {
            throw new IllegalStateException("No master key for personal data: set relais.personal-data.master-key-file "
                    + "(or the RELAIS_MASTER_KEY environment variable) to 32 random bytes in Base64, e.g. the output of "
                    + "'openssl rand -base64 32'");
        }
        String currentId = id(current);
        keys.put(currentId, current);
        for (Path previous : properties.previousMasterKeyFiles()) {
            SecretKey key = read(previous);
            keys.putIfAbsent(id(key), key);
        }
        return new MasterKeys(currentId, Map.copyOf(keys));
    }

    String currentId() {
        return currentId;
    }

    boolean knows(String masterKeyId) {
        return keys.containsKey(masterKeyId);
    }

    byte[] wrap(SecretKey subjectKey, DataSubject subject) {
        return Aead.seal(keys.get(currentId), subjectKey.getEncoded(), binding(subject, currentId));
    }

    SecretKey unwrap(String masterKeyId, byte[] wrapped, DataSubject subject) {
        SecretKey master = keys.get(masterKeyId);
        if (master == null) {
            throw new IllegalStateException("The key of " + subject + " is wrapped by master key " + masterKeyId
                    + ", which is not configured: add it to relais.personal-data.previous-master-key-files");
        }
        try {
            return new SecretKeySpec(Aead.open(master, wrapped, binding(subject, masterKeyId)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored key of " + subject + " does not open with master key "
                    + masterKeyId + ": it was altered or belongs to another subject", e);
        }
    }

    /** {@code secret} sealed with the current master key, bound to {@code purpose} (what it is the secret of). */
    SealedSecrets.Sealed seal(byte[] secret, String purpose) {
        return new SealedSecrets.Sealed(currentId, Aead.seal(keys.get(currentId), secret, binding(purpose, currentId)));
    }

    byte[] open(SealedSecrets.Sealed sealed, String purpose) {
        SecretKey master = keys.get(sealed.masterKeyId());
        if (master == null) {
            throw new IllegalStateException("The secret of " + purpose + " is sealed by master key "
                    + sealed.masterKeyId() + ", which is not configured: add it to "
                    + "relais.personal-data.previous-master-key-files");
        }
        try {
            return Aead.open(master, sealed.ciphertext(), binding(purpose, sealed.masterKeyId()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The sealed secret of " + purpose + " does not open with master key "
                    + sealed.masterKeyId() + ": it was altered or belongs to something else", e);
        }
    }

    private static byte[] binding(String purpose, String masterKeyId) {
        return ("secret|" + purpose + "|" + masterKeyId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] binding(DataSubject subject, String masterKeyId) {
        return (subject + "|" + masterKeyId).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey readOrGenerate(Path file) {
        if (Files.notExists(file)) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))),
                        Base64.getEncoder().encodeToString(Aead.newKey().getEncoded()) + "\n");
            } catch (IOException e) {
                throw new IllegalStateException("Cannot write a new master key to " + file, e);
            }
            PersonalDataConfiguration.log.info("Generated the master key for personal data in {}: whoever has it and "
                    + "the database reads every person's data; keep a copy apart from the database's backups "
                    + "(production sets relais.personal-data.master-key-file)", file.toAbsolutePath());
        }
        return read(file);
    }

    private static SecretKey read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the master key file " + file, e);
        }
    }

    private static SecretKey parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + source + " is not Base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("The master key in " + source + " has " + bytes.length
                    + " bytes; it needs " + KEY_BYTES + " (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String id(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
