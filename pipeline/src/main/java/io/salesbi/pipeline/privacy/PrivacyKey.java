package io.salesbi.pipeline.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's secret for the suppression list: 32 random bytes in {@code privacy.key} beside the warehouse
 * file, created by the first erasure. The list holds HMAC-SHA256 of an erased person's normalised identifiers keyed
 * with it, so the list alone does not say whom it suppresses (an e-mail cannot be tried against it without the key).
 * Back it up with the warehouse: without it, the list no longer recognises anyone.
 */
public final class PrivacyKey {

    public static final String FILE_NAME = "privacy.key";

    private final byte[] key;

    private PrivacyKey(byte[] key) {
        this.key = key;
    }

    /** The key file of the warehouse {@code warehouseFile}. */
    public static Path fileOf(Path warehouseFile) {
        return warehouseFile.toAbsolutePath().resolveSibling(FILE_NAME);
    }

    /** The key beside {@code warehouseFile}, created when missing. */
    public static PrivacyKey loadOrCreate(Path warehouseFile) throws IOException {
        Path file = fileOf(warehouseFile);
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.getParent());
            try {
                Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException windows) {
                    // the folder's permissions protect it
                }
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use that one
            }
        }
        return load(file);
    }

    /** The key beside {@code warehouseFile}, or null when no erasure ever created one. */
    public static PrivacyKey loadIfPresent(Path warehouseFile) throws IOException {
        Path file = fileOf(warehouseFile);
        return Files.exists(file) ? load(file) : null;
    }

    private static PrivacyKey load(Path file) throws IOException {
        String hex = Files.readString(file).strip();
        try {
            byte[] key = HexFormat.of().parseHex(hex);
            if (key.length < 16) {
                throw new IOException(file + ": the privacy key is " + key.length + " bytes; expected 32");
            }
            return new PrivacyKey(key);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": expected the privacy key as 64 hex digits: " + e.getMessage(), e);
        }
    }

    /** HMAC-SHA256 (hex) of {@code kind:normalised}: the identifier's entry in the suppression list. */
    public String hash(String kind, String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
