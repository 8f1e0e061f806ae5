package io.relais.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The Ed25519 key pair that signs the seals of the event store (ADR 013), kept out of the database: two PEM
 * files (the private key in PKCS#8, the public key in X.509), as {@code openssl genpkey -algorithm ed25519}
 * and {@code openssl pkey -pubout} write them. The embedded database's data folder generates a pair on first
 * start.
 */
public final class SealingKeys {

    /** The key pair the embedded database's data folder keeps when none is configured. */
    public static final String GENERATED_SIGNING_KEY = "relais-seal-signing.key";
    public static final String GENERATED_PUBLIC_KEY = "relais-seal-public.pem";


    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey signingKey;
    private final PublicKey publicKey;

    private SealingKeys(PrivateKey signingKey, PublicKey publicKey) {
        this.signingKey = signingKey;
        this.publicKey = publicKey;
    }

    /** The configured pair, or the one generated in {@code generatedFolder} when none is configured. */
    static SealingKeys load(Path signingKeyFile, Path publicKeyFile, Optional<Path> generatedFolder) {
        if (signingKeyFile != null && publicKeyFile != null) {
            return new SealingKeys(privateKey(read(signingKeyFile)), publicKey(read(publicKeyFile)));
        }
        if (signingKeyFile != null || publicKeyFile != null) {
            throw new IllegalStateException("Give both relais.audit.signing-key-file and relais.audit.public-key-file");
        }
        Path folder = generatedFolder.orElseThrow(() -> new IllegalStateException("No key to sign the event store's "
                + "seals: set relais.audit.signing-key-file and relais.audit.public-key-file to an Ed25519 key pair "
                + "in PEM ('openssl genpkey -algorithm ed25519 -out seal.key' and 'openssl pkey -in seal.key -pubout "
                + "-out seal.pub')"));
        Path signing = folder.resolve(GENERATED_SIGNING_KEY);
        Path published = folder.resolve(GENERATED_PUBLIC_KEY);
        if (Files.notExists(signing)) {
            generate(signing, published);
        }
        return new SealingKeys(privateKey(read(signing)), publicKey(read(published)));
    }

    /** The public key in PEM, as auditors keep it. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(signingKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with Ed25519", e);
        }
    }

    /** Whether {@code signature} is one of {@code data} by the private key of {@code publicKeyPem}. */
    public static boolean verifies(String publicKeyPem, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey(publicKeyPem));
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void generate(Path signing, Path published) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            Files.createDirectories(signing.toAbsolutePath().getParent());
            Files.writeString(Files.createFile(signing, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------"))), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(published, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write a new seal signing key to " + signing, e);
        }
        SealingConfiguration.log.info("Generated the key pair that signs the event store's seals in {} (keep the "
                + "private key apart from the database's backups) and {} (give the public key to auditors)",
                signing.toAbsolutePath(), published.toAbsolutePath());
    }

    private static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The seal signing key is not an Ed25519 private key in PKCS#8 PEM", e);
        }
    }

    private static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key in PEM", e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key file " + file, e);
        }
    }
}
