package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.RepList;
import io.salesbi.generator.SourceRecords.RepListRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills the field reps' private Excel lists: their customers and prospects as they typed them, with gaps, typos,
 * their own remarks and contacts; some customers stand in two lists after a territory change.
 */
final class RepListPlanner {

    static final double SECOND_LIST_SHARE = 0.03;
    private static final String[] REMARKS = {
        "A-Kunde",
        "B-Kunde",
        "C-Kunde",
        "Rahmenvertrag bis 2026",
        "Messe Hannover 2024",
        "Wettbewerber im Haus",
        "Ansprechpartner gewechselt",
        "zahlt schlecht",
        "Potenzial Antriebstechnik",
        "nicht im CRM",
        "Neukunde",
        "Termin Q1",
        "will nur über Shop bestellen",
        "Angebot läuft",
        "Preis zu hoch",
        "SPS-Umstellung geplant"
    };

    private final Rng rng;
    private final SpellingVariants spelling;
    private final SalesTeam team;
    private final CompanyPeople people;

    RepListPlanner(Rng rng, SalesTeam team, CompanyPeople people) {
        this.rng = rng;
        this.spelling = new SpellingVariants(rng);
        this.team = team;
        this.people = people;
    }

    List<RepList> plan(List<Company> companies, boolean[] inRep, BuyingProfile[] profiles) {
        List<Person> reps = team.reps();
        List<List<RepListRow>> rows = new ArrayList<>();
        for (int r = 0; r < reps.size(); r++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < companies.size(); i++) {
            if (!inRep[i]) {
                continue;
            }
            Company c = companies.get(i);
            int rep = team.repFor(c);
            rows.get(rep).add(row(c));
            if (reps.size() > 1 && rng.chance(SECOND_LIST_SHARE)) {
                int other = (rep + 1 + rng.nextInt(reps.size() - 1)) % reps.size();
                rows.get(other).add(row(c));
            }
        }
        List<RepList> lists = new ArrayList<>();
        for (int r = 0; r < reps.size(); r++) {
            List<RepListRow> list = rows.get(r);
            shuffle(list);
            lists.add(new RepList(
                    "Kundenliste_" + Texts.foldUmlauts(reps.get(r).lastName()),
                    reps.get(r).lastName(),
                    list));
        }
        return lists;
    }

    private RepListRow row(Company c) {
        List<Person> persons = people.of(c);
        Person contact = persons.get(rng.chance(0.6) ? 0 : 1);
        String contactText = switch (rng.nextInt(5)) {
            case 0, 1 -> contact.salutation();
            case 2 -> contact.fullName();
            case 3 -> contact.firstName().charAt(0) + ". " + contact.lastName();
            default -> contact.lastName() + ", " + contact.firstName();
        };
        String street = rng.chance(0.05) ? "" : spelling.street(c, 0.5);
        String postcode = rng.chance(0.03) ? "" : c.postcode();
        boolean postcodeAsNumber = c.domestic() && rng.chance(0.2);
        String phone = rng.chance(0.10)
                ? ""
                : PhoneFormats.format(
                        c,
                        rng.chance(0.4) ? Integer.toString(rng.intBetween(10, 299)) : "",
                        rng.nextInt(PhoneFormats.STYLE_COUNT));
        String email = rng.chance(0.25) ? "" : rng.chance(0.7) ? CompanyPeople.email(contact, c) : "info@" + c.domain();
        String remark = rng.chance(0.5) ? "" : rng.pick(REMARKS);
        return new RepListRow(
                c,
                spelling.repName(c),
                street,
                postcode,
                postcodeAsNumber,
                spelling.city(c, 0.3),
                contactText,
                phone,
                email,
                remark,
                rng.chance(0.8));
    }

    private void shuffle(List<RepListRow> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            RepListRow t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
