package io.salesbi.client;

import java.net.URI;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * A {@code jdbc:salesbi:} URL and its connection properties, as Avatica's remote driver takes them: URL settings
 * ({@code ;key=value}) win over properties, as in Avatica; JDBC's {@code user} and {@code password} become
 * {@code avatica_user} and {@code avatica_password} (which Avatica sends) unless those are given.
 *
 * @param endpoint           the server's base address, e.g. {@code http://127.0.0.1:8765}
 * @param avaticaProperties  every setting for Avatica's driver, with the login
 */
record ClientUrl(URI endpoint, Properties avaticaProperties) {

    static final String AVATICA_PREFIX = "jdbc:avatica:remote:";

    static ClientUrl parse(String url, Properties info) throws SQLException {
        String rest = url.substring(SalesbiDriver.PREFIX.length()).strip();
        Properties settings = new Properties();
        settings.putAll(info);
        String[] parts = rest.split(";");
        int first = 0;
        if (parts.length > 0 && !parts[0].contains("=")) {
            // jdbc:salesbi:http://HOST:PORT;...
            settings.setProperty("url", parts[0].strip());
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new SQLException(
                        "salesbi JDBC URL: '" + part + "' is not key=value (URL " + withoutSecrets(url) + ")", "08001");
            }
            settings.setProperty(
                    part.substring(0, equals).strip(),
                    part.substring(equals + 1).strip());
        }
        String address = settings.getProperty("url");
        if (address == null || address.isBlank()) {
            throw new SQLException(
                    "salesbi JDBC URL needs the server's address: jdbc:salesbi:http://HOST:PORT, was "
                            + withoutSecrets(url),
                    "08001");
        }
        URI endpoint;
        try {
            endpoint = URI.create(address.endsWith("/") ? address.substring(0, address.length() - 1) : address);
        } catch (IllegalArgumentException e) {
            throw new SQLException("salesbi JDBC URL: '" + address + "' is not an address: " + e.getMessage(), "08001");
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SQLException(
                    "salesbi JDBC URL: the address must start with http:// or https://, was " + address, "08001");
        }
        if (settings.getProperty("avatica_user") == null && settings.getProperty("user") != null) {
            settings.setProperty("avatica_user", settings.getProperty("user"));
        }
        if (settings.getProperty("avatica_password") == null && settings.getProperty("password") != null) {
            settings.setProperty("avatica_password", settings.getProperty("password"));
        }
        settings.remove("user");
        settings.remove("password");
        if (settings.getProperty("serialization") == null) {
            settings.setProperty("serialization", "protobuf");
        }
        if (settings.getProperty("authentication") == null && settings.getProperty("avatica_user") != null) {
            settings.setProperty("authentication", "BASIC");
        }
        return new ClientUrl(endpoint, settings);
    }

    /** The URL for Avatica's driver: only its prefix; every setting travels in {@link #avaticaProperties()}. */
    String avaticaUrl() {
        return AVATICA_PREFIX;
    }

    /**
     * Whether results after their first frame come as one stream ({@code /statement/rows}) rather than one Avatica
     * fetch per frame: yes unless the URL says {@code row_stream=false}.
     */
    boolean streamRows() {
        return !"false".equalsIgnoreCase(avaticaProperties.getProperty("row_stream"));
    }

    String user() {
        return avaticaProperties.getProperty("avatica_user");
    }

    String password() {
        return avaticaProperties.getProperty("avatica_password");
    }

    /** The URL for error messages: passwords written into it are blanked. */
    static String withoutSecrets(String url) {
        return url.replaceAll("(?i)(password=)[^;]*", "$1***");
    }
}
