package io.salesbi.connectors.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Checks what a delivered workbook really is before POI parses it, and turns POI's failures into the reasons a data
 * steward can act on: {@code encrypted}, {@code corrupt}, {@code too_large}, {@code wrong_format}.
 */
final class WorkbookGuard {

    private WorkbookGuard() {}

    /** The file's real type by its first bytes. */
    static FileMagic magic(Path file) throws FileRejectedException {
        String name = file.getFileName().toString();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (Files.size(file) == 0) {
                throw new FileRejectedException("empty", "File " + name + " is empty (0 bytes)");
            }
            return FileMagic.valueOf(in);
        } catch (IOException e) {
            throw new FileRejectedException("unreadable", "File " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** An .xlsx must be a zip; a password-protected one is an OLE2 container holding an EncryptionInfo stream. */
    static void checkOoxml(Path file) throws FileRejectedException {
        String name = file.getFileName().toString();
        FileMagic magic = magic(file);
        if (magic == FileMagic.OOXML) {
            return;
        }
        if (magic == FileMagic.OLE2) {
            if (isEncryptedOoxml(file)) {
                throw new FileRejectedException(
                        "encrypted", "File " + name + " is password-protected; ask the sender for an unprotected copy");
            }
            throw new FileRejectedException(
                    "wrong_format",
                    "File " + name
                            + " is an old binary Excel workbook (.xls) with an .xlsx name; save it as .xlsx or .xls");
        }
        throw new FileRejectedException(
                "corrupt",
                "File " + name + " is not an Excel workbook (found "
                        + magic.name().toLowerCase(Locale.ROOT) + " content)");
    }

    static boolean isEncryptedOoxml(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Maps what POI throws on a broken or hostile file to a rejection with a reason. */
    static FileRejectedException classify(String name, Exception e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("zip bomb")
                || lower.contains("max allowed")
                || lower.contains("exceed")
                || lower.contains("maxentrysize")
                || e instanceof org.apache.poi.util.RecordFormatException && lower.contains("too large")) {
            return new FileRejectedException(
                    "too_large",
                    "File " + name + " expands beyond the allowed size (zip bomb protection): " + message,
                    e);
        }
        if (lower.contains("password") || lower.contains("encrypt")) {
            return new FileRejectedException("encrypted", "File " + name + " is password-protected", e);
        }
        return new FileRejectedException(
                "corrupt", "File " + name + " is damaged or truncated and cannot be read as a workbook: " + message, e);
    }
}
