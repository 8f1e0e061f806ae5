package io.relais.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/** An Ed25519 key pair in PEM files, as production gives the engine to sign the event store's seals. */
public final class SealKeyFiles {

    private SealKeyFiles() {
    }

    /** Writes a new pair into {@code folder}; answers the engine's properties naming them, as command-line arguments. */
    public static List<String> arguments(Path folder) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.createDirectories(folder);
            Path signing = Files.writeString(folder.resolve("seal.key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Path published = Files.writeString(folder.resolve("seal.pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return List.of("--relais.audit.signing-key-file=" + signing, "--relais.audit.public-key-file=" + published);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + type
                + "-----\n";
    }
}
