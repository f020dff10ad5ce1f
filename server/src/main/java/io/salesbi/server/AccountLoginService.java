package io.salesbi.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.security.AbstractLoginService;
import org.eclipse.jetty.util.security.Credential;

/**
 * Jetty login service over the configured {@link UserAccount}s, checking passwords against their
 * {@link PasswordHasher} hashes.
 *
 * <p>HTTP BASIC sends the password with every request and one JDBC query is several Avatica requests, while a PBKDF2
 * check costs hundreds of milliseconds on purpose. So after a successful check the service keeps an HMAC of the
 * accepted password under a random key that lives only in this process; later requests with the same password cost
 * one HMAC. A wrong password always pays the full PBKDF2 price.
 */
final class AccountLoginService extends AbstractLoginService {

    static final String REALM = "salesbi";

    private final Map<String, UserAccount> users;
    private final Map<String, byte[]> acceptedPasswordMacs = new ConcurrentHashMap<>();
    private final SecretKeySpec macKey;

    AccountLoginService(Map<String, UserAccount> users) {
        this.users = users;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
        setName(REALM);
    }

    @Override
    protected UserPrincipal loadUserInfo(String username) {
        UserAccount account = users.get(username);
        return account == null ? null : new UserPrincipal(username, new AccountCredential(account));
    }

    @Override
    protected String[] loadRoleInfo(UserPrincipal user) {
        UserAccount account = users.get(user.getName());
        return account == null ? new String[0] : account.roles().toArray(String[]::new);
    }

    private boolean check(UserAccount account, Object credentials) {
        if (!(credentials instanceof String password)) {
            return false;
        }
        byte[] mac = mac(account.name(), password);
        byte[] accepted = acceptedPasswordMacs.get(account.name());
        if (accepted != null && MessageDigest.isEqual(accepted, mac)) {
            return true;
        }
        boolean valid = PasswordHasher.verify(password.toCharArray(), account.passwordHash());
        if (valid) {
            acceptedPasswordMacs.put(account.name(), mac);
        }
        return valid;
    }

    private byte[] mac(String user, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(macKey);
            hmac.update(user.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** The credential Jetty asks to check a presented password. */
    private final class AccountCredential extends Credential {

        private static final long serialVersionUID = 1L;
        private final transient UserAccount account;

        AccountCredential(UserAccount account) {
            this.account = account;
        }

        @Override
        public boolean check(Object credentials) {
            return AccountLoginService.this.check(account, credentials);
        }
    }
}
