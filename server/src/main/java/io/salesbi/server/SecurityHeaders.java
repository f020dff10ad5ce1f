package io.salesbi.server;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * Security headers on every HTTP answer of the endpoint, set before any handler runs, so that {@code /health}, the
 * login challenge (401), refusals (403), missing pages (404), the dashboards and Avatica's answers all carry them:
 * <ul>
 *   <li>{@code Content-Security-Policy: frame-ancestors 'none'} and, for older browsers,
 *       {@code X-Frame-Options: DENY}: no other site may frame the dashboards (clickjacking). The policy says nothing
 *       else, so the dashboards' inline scripts and charts keep working.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: browsers take the content type as sent.</li>
 *   <li>{@code Referrer-Policy: no-referrer}: links out of a dashboard do not reveal its address.</li>
 *   <li>{@code Strict-Transport-Security: max-age=31536000} over TLS only: browsers come back over https.</li>
 * </ul>
 */
final class SecurityHeaders implements HttpConfiguration.Customizer {

    static final String CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000";

    private final boolean tls;

    SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    @Override
    public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
        Response response = request.getResponse();
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (tls) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
