package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.CrmAccount;
import java.time.LocalDate;

/** Fills one CRM account the way sales people maintain them: mostly complete, sometimes sloppy. */
final class CrmAccountFactory {

    /** Share of accounts with an e-mail address that is not one (a planted data quality defect). */
    static final double INVALID_EMAIL_SHARE = 0.003;

    private static final String[] MAILBOXES = {"info", "info", "info", "vertrieb", "kontakt", "einkauf", "office"};
    private static final LocalDate FIRST_CREATED = LocalDate.of(2012, 1, 1);

    private final Rng rng;
    private final SpellingVariants spelling;
    private final SalesTeam team;
    private final LocalDate exportDate;

    CrmAccountFactory(Rng rng, SpellingVariants spelling, SalesTeam team, LocalDate exportDate) {
        this.rng = rng;
        this.spelling = spelling;
        this.team = team;
        this.exportDate = exportDate;
    }

    /** An account; {@code originalCreated} non-null makes it a later duplicate of an account created then. */
    CrmAccount account(String id, Company c, String debtorNo, boolean repOwned, LocalDate originalCreated) {
        boolean duplicate = originalCreated != null;
        String name = duplicate && rng.chance(0.5) ? spelling.repName(c) : spelling.crmName(c);
        String street = duplicate && rng.chance(0.15) ? "" : spelling.street(c, duplicate ? 0.5 : 0.2);
        int phoneStyle =
                rng.chance(duplicate ? 0.3 : 0.7) ? PhoneFormats.INTERNATIONAL : rng.nextInt(PhoneFormats.STYLE_COUNT);
        String phone = rng.chance(0.07) ? "" : PhoneFormats.format(c, "", phoneStyle);
        String owner = repOwned
                ? team.reps().get(team.repFor(c)).fullName()
                : team.insideSalesFor(c).fullName();
        LocalDate created = duplicate
                ? between(originalCreated.plusDays(30), exportDate.minusDays(10))
                : between(FIRST_CREATED, exportDate.minusDays(60));
        String industry = rng.chance(0.04) ? "" : c.industry().label;
        return new CrmAccount(
                id,
                c,
                name,
                street,
                c.postcode(),
                spelling.city(c, duplicate ? 0.3 : 0.1),
                phone,
                email(c),
                website(c),
                vat(c),
                debtorNo,
                industry,
                owner,
                created,
                duplicate,
                "");
    }

    private String email(Company c) {
        if (rng.chance(0.10)) {
            return "";
        }
        String mailbox = rng.pick(MAILBOXES);
        if (rng.chance(INVALID_EMAIL_SHARE)) {
            return switch (rng.nextInt(4)) {
                case 0 -> mailbox + "@" + c.domain().substring(0, c.domain().lastIndexOf('.'));
                case 1 -> mailbox + "(at)" + c.domain();
                case 2 -> mailbox + "@@" + c.domain();
                default -> mailbox + " " + c.domain();
            };
        }
        return mailbox + "@" + c.domain();
    }

    private String website(Company c) {
        double u = rng.nextDouble();
        return u < 0.6 ? "www." + c.domain() : u < 0.8 ? "https://www." + c.domain() : u < 0.9 ? c.domain() : "";
    }

    private String vat(Company c) {
        if (c.vatId().isEmpty() || !rng.chance(0.55)) {
            return "";
        }
        if (c.domestic() && rng.chance(0.1)) {
            String v = c.vatId();
            return "DE " + v.substring(2, 5) + " " + v.substring(5, 8) + " " + v.substring(8);
        }
        return c.vatId();
    }

    private LocalDate between(LocalDate from, LocalDate to) {
        long days = Math.max(0, to.toEpochDay() - from.toEpochDay());
        return from.plusDays(days == 0 ? 0 : rng.nextInt((int) days + 1));
    }
}
