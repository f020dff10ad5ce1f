package io.salesbi.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invents the true companies: German Mittelstand customers and a share of export customers, with names, addresses,
 * phone numbers, domains and VAT ids. A share of companies deliberately look like an earlier one (same family name,
 * same city or the very same name in another city) but are different companies, so that matching is not trivial.
 */
final class CompanyFactory {

    static final double EXPORT_SHARE = 0.12;
    static final double LOOKALIKE_SHARE = 0.07;

    private final Rng rng;
    private final Set<String> usedDomains = new HashSet<>();
    private final Map<String, Integer> nextDomainNumber = new HashMap<>();
    private final double[] industryShares = Industry.shares();
    private final double[] cityWeights = cityWeights();
    private final double[] exportWeights = exportWeights();

    CompanyFactory(Rng rng) {
        this.rng = rng;
    }

    List<Company> create(int count) {
        List<Company> companies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String entityId = "E" + ExportCountry.pad(i + 1, 6);
            Company company;
            if (rng.chance(EXPORT_SHARE)) {
                company = exportCompany(i, entityId);
            } else if (i > 10 && rng.chance(LOOKALIKE_SHARE)) {
                company = lookalike(i, entityId, companies.get(rng.nextInt(i)));
            } else {
                Industry industry = Industry.values()[rng.weighted(industryShares)];
                City city = GermanPlaces.CITIES.get(rng.weighted(cityWeights));
                company = domestic(i, entityId, germanNameCore(industry, city), industry, city);
            }
            companies.add(company);
        }
        return companies;
    }

    /** A different company that looks like {@code model}: same family name, or the same name in another city. */
    private Company lookalike(int index, String entityId, Company model) {
        if (!model.domestic()) {
            Industry industry = Industry.values()[rng.weighted(industryShares)];
            City city = GermanPlaces.CITIES.get(rng.weighted(cityWeights));
            return domestic(index, entityId, germanNameCore(industry, city), industry, city);
        }
        Industry industry = Industry.values()[rng.weighted(industryShares)];
        String core = replaceIndustryWord(model.nameCore(), rng.pick(industry.nameWords));
        if (core == null || core.equals(model.nameCore()) || rng.chance(0.3)) {
            City otherCity = GermanPlaces.CITIES.get(rng.weighted(cityWeights));
            return domestic(index, entityId, model.nameCore(), model.industry(), otherCity);
        }
        City city = rng.chance(0.6) ? model.city() : GermanPlaces.CITIES.get(rng.weighted(cityWeights));
        return domestic(index, entityId, core, industry, city);
    }

    /** "Müller Maschinenbau" -> "Müller Fördertechnik"; null if the name has no industry word. */
    static String replaceIndustryWord(String core, String replacement) {
        String[] words = core.split(" ");
        for (int i = 0; i < words.length; i++) {
            for (Industry industry : Industry.values()) {
                for (String w : industry.nameWords) {
                    if (w.equals(words[i])) {
                        words[i] = replacement;
                        return String.join(" ", words);
                    }
                }
            }
        }
        return null;
    }

    private Company domestic(int index, String entityId, String core, Industry industry, City city) {
        String postcode = ExportCountry.pad(rng.intBetween(city.codeLo(), city.codeHi()), 5);
        String legalForm = NameVocabulary.LEGAL_FORMS[rng.weighted(NameVocabulary.LEGAL_FORM_SHARES)];
        if (legalForm.equals("e.K.") && core.split(" ").length > 2) {
            legalForm = "GmbH";
        }
        return new Company(
                index,
                entityId,
                core,
                legalForm,
                rng.pick(NameVocabulary.STREETS),
                houseNumber(),
                postcode,
                city,
                GermanPlaces.regionOfPostcode(postcode),
                industry,
                null,
                city.areaCode(),
                subscriber(city.areaCode()),
                domain(core, city, ".de"),
                VatIds.german(rng),
                "EUR");
    }

    private Company exportCompany(int index, String entityId) {
        ExportCountry country = ExportCountry.values()[rng.weighted(exportWeights)];
        City city = rng.pick(country.cities);
        Industry industry = Industry.values()[rng.weighted(industryShares)];
        boolean wordFirst = (country == ExportCountry.FR || country == ExportCountry.PL) && rng.chance(0.5);
        String core = wordFirst
                ? rng.pick(country.words) + " " + rng.pick(country.surnames)
                : rng.pick(country.surnames) + " " + rng.pick(country.words);
        String tld = switch (country) {
            case GB -> ".co.uk";
            case US -> ".com";
            default -> "." + country.name().toLowerCase(java.util.Locale.ROOT);
        };
        return new Company(
                index,
                entityId,
                core,
                rng.pick(country.legalForms),
                rng.pick(country.streets),
                houseNumber(),
                country.postcode(city, rng),
                city,
                "Export",
                industry,
                country,
                city.areaCode(),
                country == ExportCountry.US
                        ? rng.intBetween(2, 9) + ExportCountry.digits(rng, 6)
                        : subscriber(city.areaCode()),
                domain(core, city, tld),
                country.vatId(rng),
                country.currency);
    }

    private String germanNameCore(Industry industry, City city) {
        String word = rng.pick(industry.nameWords);
        double u = rng.nextDouble();
        if (u < 0.45) {
            return rng.pick(NameVocabulary.SURNAMES) + " " + word;
        } else if (u < 0.55) {
            return word + " " + rng.pick(NameVocabulary.SURNAMES);
        } else if (u < 0.68) {
            return rng.pick(NameVocabulary.SURNAMES) + " & " + rng.pick(NameVocabulary.SURNAMES);
        } else if (u < 0.78) {
            return rng.pick(NameVocabulary.ACRONYM_LETTERS) + rng.pick(NameVocabulary.ACRONYM_LETTERS)
                    + rng.pick(NameVocabulary.ACRONYM_LETTERS) + " " + word;
        } else if (u < 0.90) {
            return rng.pick(NameVocabulary.LANDSCAPES) + rng.pick(NameVocabulary.COMPOUND_SUFFIXES) + " " + word;
        } else {
            String place = city.name().split("[ (]")[0];
            return word + " " + place;
        }
    }

    private String houseNumber() {
        int n = rng.chance(0.7) ? rng.intBetween(1, 60) : rng.intBetween(61, 220);
        if (rng.chance(0.08)) {
            return n + String.valueOf((char) ('a' + rng.nextInt(4)));
        }
        if (rng.chance(0.04)) {
            return n + "-" + (n + 2);
        }
        return Integer.toString(n);
    }

    private String subscriber(String areaCode) {
        int length = Math.max(5, 10 - areaCode.length() + rng.intBetween(0, 1));
        return rng.intBetween(2, 9) + ExportCountry.digits(rng, length - 1);
    }

    private String domain(String core, City city, String tld) {
        String base = Texts.slug(core);
        String domain = base + tld;
        if (!usedDomains.add(domain)) {
            domain = base + "-" + Texts.slug(city.name()) + tld;
            // Numbered domains are taken in order, so the search starts after the last number given to this base:
            // the same result as counting from 2, without a scan that grows with the scale.
            String numbered = base + "-#" + tld;
            int n = nextDomainNumber.getOrDefault(numbered, 2);
            while (!usedDomains.add(domain)) {
                domain = base + "-" + n++ + tld;
            }
            nextDomainNumber.put(numbered, n);
        }
        return domain;
    }

    private static double[] cityWeights() {
        List<City> cities = GermanPlaces.CITIES;
        double[] weights = new double[cities.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.pow(cities.get(i).codeHi() - cities.get(i).codeLo() + 1, 0.35);
        }
        return weights;
    }

    private static double[] exportWeights() {
        ExportCountry[] all = ExportCountry.values();
        double[] weights = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            weights[i] = all[i].weight;
        }
        return weights;
    }
}
