package io.salesbi.server;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Puts the request's account into {@link CurrentUser} for the Avatica handler it wraps. Runs behind Jetty's BASIC
 * authenticator: a request either carries valid credentials, or (only when anonymous access is allowed) none at all
 * and runs as {@link UserAccount#anonymous()}. Wrong credentials are refused even when anonymous access is allowed,
 * so a typo in a password never silently downgrades a steward to an anonymous reader.
 */
final class AuthenticatedUserHandler extends HandlerWrapper {

    private final Map<String, UserAccount> users;
    private final boolean allowAnonymous;

    AuthenticatedUserHandler(Map<String, UserAccount> users, boolean allowAnonymous) {
        this.users = users;
        this.allowAnonymous = allowAnonymous;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        UserAccount user = userOf(request);
        if (user == null) {
            baseRequest.setHandled(true);
            response.setHeader(
                    HttpHeader.WWW_AUTHENTICATE.asString(), "Basic realm=\"" + AccountLoginService.REALM + "\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        CurrentUser.set(user, request.getRemoteAddr());
        try {
            super.handle(target, baseRequest, request, response);
        } finally {
            CurrentUser.clear();
        }
    }

    private UserAccount userOf(HttpServletRequest request) {
        // Resolves Jetty's deferred authentication when credentials are optional.
        Principal principal = request.getUserPrincipal();
        if (principal != null) {
            return users.get(principal.getName());
        }
        boolean sentCredentials = request.getHeader(HttpHeader.AUTHORIZATION.asString()) != null;
        return allowAnonymous && !sentCredentials ? UserAccount.anonymous() : null;
    }
}
