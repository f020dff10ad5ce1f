package io.salesbi.dashboards;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The dashboard texts of one language (messages_de / messages_en), for the templates ({@code #{key}}) and, as a
 * map, for the page script. Placeholders are {0}, {1}, ... replaced literally in both, so apostrophes need no
 * MessageFormat quoting.
 */
final class Messages implements IMessageResolver {

    private static final String BUNDLE = "io.salesbi.dashboards.messages";

    private final ResourceBundle bundle;

    Messages(Locale locale) {
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String get(String key, Object... args) {
        String text = bundle.containsKey(key) ? bundle.getString(key) : key;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /**
     * Reference data in this language, as the page script's label(): region, segment (industry), category (product
     * group), touchChannel (CRM touchpoint channel), rule and stage; empty values, unmatched debtors' lines and
     * values without a text as there.
     */
    String label(String dimension, Object value) {
        if (value == null || value.toString().isEmpty()) {
            return get("category".equals(dimension) ? "member.noCategory" : "member.none");
        }
        String text = value.toString();
        if ("(unmapped)".equals(text)) {
            return get("member.unmapped");
        }
        String key = LABEL_PREFIX.get(dimension) + text;
        if (bundle.containsKey(key)) {
            return bundle.getString(key);
        }
        int dot = text.lastIndexOf('.');
        if ("rule".equals(dimension) && dot > 0 && bundle.containsKey("ruleProblem." + text.substring(dot + 1))) {
            return text.substring(0, dot) + ": " + bundle.getString("ruleProblem." + text.substring(dot + 1));
        }
        return text;
    }

    private static final Map<String, String> LABEL_PREFIX = Map.of(
            "region",
            "region.",
            "segment",
            "industry.",
            "category",
            "category.",
            "touchChannel",
            "touchChannel.",
            "rule",
            "rule.",
            "stage",
            "stage.");

    Map<String, String> all() {
        Map<String, String> all = new TreeMap<>();
        bundle.keySet().forEach(key -> all.put(key, bundle.getString(key)));
        return all;
    }

    @Override
    public String getName() {
        return "salesbi-dashboard-messages";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return get(key, messageParameters == null ? new Object[0] : messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(
            ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
        return "??" + key + "??";
    }
}
