package io.salesbi.generator;

/**
 * A true company behind the customer records: the facts as they are, before any source misspells them.
 *
 * @param entityId        the ground-truth id in customer_truth.csv
 * @param nameCore        the name without legal form, e.g. "Müller Maschinenbau"
 * @param legalForm       e.g. "GmbH & Co. KG"
 * @param exportCountry   null for German companies
 * @param phoneArea       area code without trunk prefix
 * @param phoneSubscriber subscriber number (digits)
 * @param domain          web domain, e.g. "mueller-maschinenbau.de"
 */
record Company(
        int index,
        String entityId,
        String nameCore,
        String legalForm,
        String street,
        String houseNumber,
        String postcode,
        City city,
        String region,
        Industry industry,
        ExportCountry exportCountry,
        String phoneArea,
        String phoneSubscriber,
        String domain,
        String vatId,
        String currency) {

    String legalName() {
        return nameCore + " " + legalForm;
    }

    String country() {
        return city.country();
    }

    boolean domestic() {
        return exportCountry == null;
    }

    String phoneCountryCode() {
        return exportCountry == null ? "49" : exportCountry.phonePrefix;
    }

    String streetLine() {
        return exportCountry == null ? street + " " + houseNumber : exportCountry.streetLine(street, houseNumber);
    }
}
