package io.salesbi.pipeline.warehouse;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another process owns the warehouse file (DuckDB allows a single read-write process). Carries the owner's
 * pid when DuckDB reports it, so the command line can say which process to stop or where to send the run.
 */
public final class WarehouseBusyException extends SQLException {

    private static final Pattern PID = Pattern.compile("PID (\\d+)");

    private final Long ownerPid;

    private WarehouseBusyException(String message, Long ownerPid, Throwable cause) {
        super(message, cause);
        this.ownerPid = ownerPid;
    }

    static SQLException wrapIfLocked(Path file, SQLException e) {
        String msg = String.valueOf(e.getMessage());
        if (!msg.contains("Could not set lock") && !msg.contains("Conflicting lock")) {
            return e;
        }
        Matcher m = PID.matcher(msg);
        Long pid = m.find() ? Long.valueOf(m.group(1)) : null;
        String who = pid != null ? "process " + pid : "another process";
        return new WarehouseBusyException(
                "The warehouse " + file + " is in use by " + who
                        + " (a running 'salesbi serve' or nightly run). Stop it or wait until it has finished.",
                pid,
                e);
    }

    public Long ownerPid() {
        return ownerPid;
    }
}
