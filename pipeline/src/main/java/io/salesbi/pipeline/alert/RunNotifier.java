package io.salesbi.pipeline.alert;

import io.salesbi.pipeline.config.SalesbiSettings.AlertConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the data stewards how a night went: always when it failed or completed with warnings (which file, which rule,
 * how many rows), after a plain success only when configured. A notification that cannot be delivered is logged and
 * never fails the night.
 */
public final class RunNotifier {

    private static final Logger log = LoggerFactory.getLogger(RunNotifier.class);

    private final AlertConfig config;

    public RunNotifier(AlertConfig config) {
        this.config = config;
    }

    public void notify(RunReport report) {
        if (report.plainSuccess() && !config.onSuccess()) {
            return;
        }
        if (config.email() != null) {
            try {
                new EmailAlert(config.email()).send(report);
                log.info(
                        "Night {} reported by e-mail to {}",
                        report.runId(),
                        config.email().to());
            } catch (Exception e) {
                log.warn(
                        "The e-mail about night {} could not be sent through {}:{}: {}",
                        report.runId(),
                        config.email().smtpHost(),
                        config.email().smtpPort(),
                        e.getMessage());
            }
        }
        if (config.webhook() != null) {
            try {
                new WebhookAlert(config.webhook()).send(report);
                log.info("Night {} reported to the webhook", report.runId());
            } catch (Exception e) {
                log.warn(
                        "The webhook {} could not be told about night {}: {}",
                        config.webhook(),
                        report.runId(),
                        e.getMessage());
            }
        }
    }
}
