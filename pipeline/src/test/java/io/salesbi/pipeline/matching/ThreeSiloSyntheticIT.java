package io.salesbi.pipeline.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.match.*;
import io.salesbi.match.quality.MatchQuality;
import io.salesbi.match.quality.WarehouseMatchQuality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly path on 600 generated German companies spread over CRM, ERP and sales reps' lists with the
 * usual damage (legal forms respelled, streets abbreviated, typos, phone formats, missing values), measured
 * against the generator's truth the way the demo data is.
 */
class ThreeSiloSyntheticIT {

    private static final String[] SURNAMES = {
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Schäfer",
        "Koch",
        "Bauer",
        "Richter",
        "Klein",
        "Wolf",
        "Schröder",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Braun",
        "Krüger",
        "Hartmann",
        "Lange",
        "Krause"
    };
    private static final String[] TRADES = {
        "Maschinenbau",
        "Metallbau",
        "Elektrotechnik",
        "Kunststofftechnik",
        "Antriebstechnik",
        "Steuerungstechnik",
        "Lebensmittel",
        "Logistik",
        "Automation",
        "Werkzeugbau"
    };
    private static final String[] PLACES = {
        "",
        "Nord",
        "Süd",
        "Rhein",
        "Main",
        "Elbe",
        "Hansa",
        "Franken",
        "Schwaben",
        "Sachsen",
        "Technik",
        "Service",
        "Systeme",
        "Handel",
        "Werke"
    };
    private static final String[] FORMS = {"GmbH", "GmbH & Co. KG", "AG", "KG", "OHG", "e.K."};
    private static final String[] STREETS = {
        "Hauptstraße",
        "Industriestraße",
        "Bahnhofstraße",
        "Gewerbestraße",
        "Gartenstraße",
        "Am Hafen",
        "Ringstraße",
        "Mühlenweg"
    };
    private static final String[] CITIES = {
        "Stuttgart", "München", "Köln", "Hamburg", "Berlin", "Dresden", "Leipzig", "Hannover", "Nürnberg", "Bremen"
    };

    @TempDir
    Path folder;

    @Test
    void matchesThreeSilosOfSixHundredCompaniesWithF1AboveNinetySevenPercent() throws Exception {
        Path truth = folder.resolve("customer_truth.csv");
        try (Connection conn = TestWarehouse.create(folder)) {
            List<String> truthLines = generate(conn, 600, new SplittableRandom(7));
            Files.write(truth, truthLines);
            TestWarehouse.standardize(conn, 1);
            new CustomerMatcher(MatchSettings.defaults()).run(conn, 1);

            MatchQuality quality = WarehouseMatchQuality.of(conn, truth, "entity_id");

            System.out.println("three silos, 600 companies" + System.lineSeparator() + quality.report());
            assertThat(quality.records()).isEqualTo(truthLines.size() - 1);
            assertThat(quality.f1()).isGreaterThanOrEqualTo(0.97);
        }
    }

    private static List<String> generate(Connection conn, int companies, SplittableRandom random) throws SQLException {
        List<String> truth = new ArrayList<>(List.of("source_system,source_key,entity_id"));
        DuckDBConnection duck = conn.unwrap(DuckDBConnection.class);
        try (DuckDBAppender crm = duck.createAppender("raw", "crm_account");
                DuckDBAppender erp = duck.createAppender("raw", "erp_debtor");
                DuckDBAppender excel = duck.createAppender("raw", "sales_rep_customer")) {
            int crmRow = 0;
            int erpRow = 0;
            int excelRow = 0;
            for (int c = 0; c < companies; c++) {
                String place = pick(random, PLACES);
                String base =
                        pick(random, SURNAMES) + " " + pick(random, TRADES) + (place.isEmpty() ? "" : " " + place);
                String form = pick(random, FORMS);
                String street = pick(random, STREETS);
                String number = Integer.toString(1 + random.nextInt(120));
                String postcode = String.format("%05d", 1_000 + random.nextInt(98_000));
                String city = pick(random, CITIES);
                String phone = "0" + (200 + random.nextInt(799)) + " " + (100_000 + random.nextInt(8_900_000));
                String domain =
                        base.toLowerCase()
                                        .replace(' ', '-')
                                        .replace("ä", "ae")
                                        .replace("ö", "oe")
                                        .replace("ü", "ue") + c + ".de";
                String vat = random.nextInt(2) == 0 ? String.format("DE%09d", 200_000_000 + c) : null;
                String debtor = String.format("%06d", 10_000 + c);
                boolean inErp = random.nextInt(10) < 7;
                boolean inCrm = !inErp || random.nextInt(10) < 8;
                if (inCrm) {
                    String key = "A-" + (5_000 + c);
                    crm.beginRow();
                    crm.append(1L);
                    Appends.text(crm, "crm_accounts_20250101.csv", "h1", null);
                    crm.append((long) ++crmRow);
                    Appends.text(
                            crm,
                            key,
                            damagedName(base, form, random),
                            damagedStreet(street, number, random),
                            maybe(postcode, random),
                            city,
                            random.nextInt(2) == 0 ? "Deutschland" : "DE",
                            maybe(phone, random),
                            maybe("info@" + domain, random),
                            maybe("www." + domain, random),
                            random.nextInt(3) == 0 ? vat : null,
                            inErp && random.nextInt(2) == 0 ? debtor.replaceFirst("^0+", "") : null,
                            null,
                            null,
                            null);
                    Appends.decimal(crm, null);
                    crm.appendNull();
                    crm.endRow();
                    truth.add("crm," + key + ",E" + c);
                }
                if (inErp) {
                    erp.beginRow();
                    erp.append(2L);
                    Appends.text(erp, "erp_debtors_20250101.csv", "h2", null);
                    erp.append((long) ++erpRow);
                    Appends.text(
                            erp,
                            debtor,
                            damagedName(base, form, random),
                            null,
                            damagedStreet(street, number, random),
                            postcode,
                            city,
                            "DE",
                            random.nextInt(3) == 0 ? null : vat,
                            "EUR",
                            null,
                            null,
                            null,
                            maybe("+49 " + phone.substring(1), random));
                    erp.endRow();
                    truth.add("erp," + debtor + ",E" + c);
                }
                if (random.nextInt(10) < 4) {
                    String listNo = Integer.toString(++excelRow);
                    excel.beginRow();
                    excel.append(3L);
                    Appends.text(excel, "Kundenliste_Test.xlsx", "h3", "Kunden");
                    excel.append((long) excelRow + 5);
                    Appends.text(
                            excel,
                            listNo,
                            damagedName(base, "", random),
                            damagedStreet(street, number, random),
                            maybe(postcode, random),
                            random.nextInt(10) == 0 ? typo(city, random) : city,
                            null,
                            maybe(phone.replace(' ', '/'), random),
                            random.nextInt(2) == 0 ? "vertrieb@" + domain : null);
                    Appends.decimal(excel, null);
                    excel.appendNull();
                    excel.endRow();
                    truth.add("excel,Kundenliste_Test/" + listNo + ",E" + c);
                }
            }
        }
        return truth;
    }

    private static String damagedName(String base, String form, SplittableRandom random) {
        String name = base;
        if (random.nextInt(6) == 0) {
            name = typo(name, random);
        }
        if (random.nextInt(4) == 0) {
            name = name.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae");
        }
        String legal = form.equals("GmbH & Co. KG") && random.nextInt(2) == 0 ? "GmbH u. Co. KG" : form;
        return random.nextInt(5) == 0 || legal.isEmpty() ? name : name + " " + legal;
    }

    private static String damagedStreet(String street, String number, SplittableRandom random) {
        String s = random.nextInt(2) == 0 ? street.replace("straße", "str.") : street;
        if (random.nextInt(10) == 0) {
            s = typo(s, random);
        }
        return random.nextInt(10) == 0 ? s : s + " " + number;
    }

    private static String maybe(String value, SplittableRandom random) {
        return random.nextInt(6) == 0 ? null : value;
    }

    private static String typo(String text, SplittableRandom random) {
        int at = 1 + random.nextInt(text.length() - 2);
        char[] chars = text.toCharArray();
        char swap = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = swap;
        return new String(chars);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
