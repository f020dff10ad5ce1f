package io.salesbi.pipeline.subscribe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesbi.pipeline.alert.RunNotifier;
import io.salesbi.pipeline.alert.RunReport;
import io.salesbi.pipeline.config.SalesbiSettings.AlertConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the stewards, through the night's alert channels ({@code alerts:} e-mail and webhook), that a subscriber's
 * mail failed for the last time: which night, which user (never the address), how often it was tried and the last
 * error, and how to check the setup.
 */
final class DeliveryFailureAlert {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailureAlert.class);

    private final AlertConfig alerts;

    DeliveryFailureAlert(AlertConfig alerts) {
        this.alerts = alerts;
    }

    void report(PublishedNight night, String login, String server, int attempts, String error) {
        String subject = "salesbi: the dashboards of night " + night.runId() + " could not be mailed to user " + login;
        String text = "The pages of night " + night.runId() + " (as of " + night.asOf() + ") could not be mailed to "
                + "user " + login + " through " + server + " after " + attempts + " attempt(s).\n"
                + "Last error: " + error + "\n"
                + "Check the SMTP settings ('subscriptions:' in salesbi.yaml) with "
                + "'salesbi subscriptions test --user " + login + "'.\n";
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("event", "subscription_failed");
        json.put("runId", night.runId());
        json.put("login", login);
        json.put("attempts", attempts);
        json.put("error", error);
        try {
            new RunNotifier(alerts).notify(new RunReport(night.runId(), false, subject, text, json.toString()));
        } catch (RuntimeException e) {
            log.warn("Subscriptions: the stewards could not be told: {}", e.getMessage());
        }
    }
}
