package io.salesbi.match.standardize;

import java.util.Locale;
import java.util.Set;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.EmailValidator;

/** Standardizes e-mail addresses and web domains; addresses that fail validation are dropped. */
public final class EmailAddresses {

    /** Mail providers whose domain says nothing about the company a mailbox belongs to. */
    public static final Set<String> FREEMAIL = Set.of(
            "gmail.com",
            "googlemail.com",
            "web.de",
            "gmx.de",
            "gmx.net",
            "t-online.de",
            "yahoo.com",
            "yahoo.de",
            "hotmail.com",
            "hotmail.de",
            "outlook.com",
            "outlook.de",
            "freenet.de",
            "aol.com",
            "icloud.com",
            "posteo.de",
            "mail.de",
            "live.com",
            "protonmail.com");

    private EmailAddresses() {}

    /** Lower case address without "mailto:" and spaces, or null when it is no valid address. */
    public static String email(String email) {
        String text = TextFold.blankToNull(email);
        if (text == null) {
            return null;
        }
        String address =
                text.toLowerCase(Locale.ROOT).replaceFirst("^mailto:", "").replace(" ", "");
        return EmailValidator.getInstance(false, true).isValid(address) ? address : null;
    }

    /** The registrable web domain of a URL or host, without scheme, "www." and path: "https://www.x.de/a" → "x.de". */
    public static String webDomain(String website) {
        String text = TextFold.blankToNull(website);
        if (text == null) {
            return null;
        }
        String host =
                text.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("[/?#:].*$", "");
        if (host.contains("@")) {
            host = host.substring(host.indexOf('@') + 1);
        }
        host = host.replaceFirst("^www\\d?\\.", "");
        return DomainValidator.getInstance().isValid(host) ? host : null;
    }

    /** The domain of an e-mail address, unless it belongs to a free-mail provider. */
    public static String companyDomainOf(String email) {
        if (email == null || !email.contains("@")) {
            return null;
        }
        String domain = email.substring(email.indexOf('@') + 1);
        return FREEMAIL.contains(domain) ? null : domain;
    }
}
