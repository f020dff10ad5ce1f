package io.salesbi.connectors.read;

/**
 * The whole file cannot be loaded: corrupt, password-protected, wrong format, a required column missing,
 * or too many bad rows. The message names the file and the cause in words a data steward understands.
 */
public class FileRejectedException extends Exception {

    private final String reasonCode;

    public FileRejectedException(String reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    public FileRejectedException(String reasonCode, String message, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    /** A stable code such as {@code corrupt}, {@code encrypted}, {@code missing_column}, {@code reject_ratio}. */
    public String reasonCode() {
        return reasonCode;
    }
}
