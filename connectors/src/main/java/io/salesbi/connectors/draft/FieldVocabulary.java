package io.salesbi.connectors.draft;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The header texts, German and English, that commonly name each canonical field, and the comparable form of a
 * header: camel case split, umlauts spelled out, punctuation dropped, and number words (Nr., Nummer, No., Number)
 * written as {@code no}. A bundled mapping's own column names and aliases are added per target by the drafter.
 */
final class FieldVocabulary {

    private static final Map<String, List<String>> SYNONYMS = Map.ofEntries(
            Map.entry(
                    "document_no",
                    List.of(
                            "Beleg",
                            "Belegnummer",
                            "Beleg Nr",
                            "Rechnung",
                            "Rechnungsnummer",
                            "Rechnungs Nr",
                            "Auftrag",
                            "Auftragsnummer",
                            "Auftrags Nr",
                            "Bestellnummer",
                            "Bestellung",
                            "Invoice",
                            "Invoice No",
                            "Invoice Number",
                            "Order",
                            "Order No",
                            "Order Number",
                            "Order ID",
                            "Document",
                            "Document No",
                            "Sales Order",
                            "Sales Order ID",
                            "SalesOrderID",
                            "Vbeln")),
            Map.entry(
                    "line_no",
                    List.of(
                            "Position",
                            "Pos",
                            "Positionsnummer",
                            "Pos Nr",
                            "Zeile",
                            "Line",
                            "Line No",
                            "Line Number",
                            "Item Position",
                            "ItemPos",
                            "Order Line",
                            "Posnr")),
            Map.entry(
                    "document_date",
                    List.of(
                            "Belegdatum",
                            "Rechnungsdatum",
                            "Auftragsdatum",
                            "Bestelldatum",
                            "Lieferdatum",
                            "Buchungsdatum",
                            "Datum",
                            "Invoice Date",
                            "Order Date",
                            "Document Date",
                            "Posting Date",
                            "Date",
                            "Created At",
                            "Created",
                            "Created Date",
                            "Erdat")),
            Map.entry(
                    "debtor_no",
                    List.of(
                            "Debitor",
                            "Debitornummer",
                            "Debitorennummer",
                            "Debitor Nr",
                            "Kunde",
                            "Kundennummer",
                            "Kunden Nr",
                            "Kundennr",
                            "Kd Nr",
                            "Auftraggeber",
                            "Customer",
                            "Customer ID",
                            "Customer No",
                            "Customer Number",
                            "Debtor",
                            "Debtor No",
                            "Sold To",
                            "Sold To Party",
                            "Partner ID",
                            "Kunnr",
                            "Konto",
                            "Debitorenkonto")),
            Map.entry(
                    "product_no",
                    List.of(
                            "Artikel",
                            "Artikelnummer",
                            "Artikel Nr",
                            "Art Nr",
                            "Material",
                            "Materialnummer",
                            "Produkt",
                            "Produktnummer",
                            "Produkt ID",
                            "Product",
                            "Product ID",
                            "Product No",
                            "Product Code",
                            "Item",
                            "Item No",
                            "Item Code",
                            "SKU",
                            "Lineitem SKU",
                            "Stock Code",
                            "Article",
                            "Matnr")),
            Map.entry(
                    "quantity",
                    List.of(
                            "Menge",
                            "Anzahl",
                            "Stueck",
                            "Stk",
                            "Quantity",
                            "Qty",
                            "Units",
                            "Lineitem Quantity",
                            "Order Quantity",
                            "Units Sold",
                            "Sold Units")),
            Map.entry(
                    "list_price",
                    List.of(
                            "Listenpreis",
                            "Bruttopreis",
                            "Katalogpreis",
                            "List Price",
                            "Gross Price",
                            "Catalog Price",
                            "Compare At Price")),
            Map.entry(
                    "net_price",
                    List.of(
                            "Nettopreis",
                            "Preis",
                            "Einzelpreis",
                            "Stueckpreis",
                            "Verkaufspreis",
                            "VK Preis",
                            "Unit Price",
                            "Price",
                            "Net Price",
                            "Sales Price",
                            "Price Each",
                            "Lineitem Price")),
            Map.entry(
                    "discount_pct",
                    List.of(
                            "Rabatt",
                            "Rabatt Prozent",
                            "Rabattsatz",
                            "Discount",
                            "Discount Percent",
                            "Discount Pct",
                            "Discount Rate")),
            Map.entry(
                    "currency",
                    List.of("Waehrung", "Waehrungsschluessel", "WKZ", "Currency", "Currency Code", "Curr", "Waers")),
            Map.entry(
                    "sales_channel",
                    List.of(
                            "Vertriebskanal",
                            "Kanal",
                            "Vertriebsweg",
                            "Absatzkanal",
                            "Channel",
                            "Sales Channel",
                            "Distribution Channel",
                            "Vtweg")),
            Map.entry(
                    "name1",
                    List.of(
                            "Name",
                            "Name 1",
                            "Firma",
                            "Firmenname",
                            "Kundenname",
                            "Company",
                            "Company Name",
                            "Customer Name",
                            "Account Name",
                            "Name (Adressattyp Unternehmen)")),
            Map.entry("name2", List.of("Name 2", "Namenszusatz", "Zusatz", "Name Addition")),
            Map.entry(
                    "street",
                    List.of(
                            "Strasse",
                            "Str",
                            "Adresse",
                            "Anschrift",
                            "Street",
                            "Address",
                            "Address Line 1",
                            "Address1",
                            "Billing Street")),
            Map.entry(
                    "postcode",
                    List.of("PLZ", "Postleitzahl", "Zip", "Zip Code", "Postal Code", "Postcode", "Billing Zip")),
            Map.entry("city", List.of("Ort", "Stadt", "City", "Town", "Billing City")),
            Map.entry("country", List.of("Land", "Laenderkennzeichen", "Country", "Country Code", "Billing Country")),
            Map.entry(
                    "vat_id",
                    List.of(
                            "USt IdNr",
                            "UStID",
                            "USt ID",
                            "EU UStID",
                            "Umsatzsteuer ID",
                            "VAT ID",
                            "VAT Number",
                            "VAT Reg No",
                            "Tax ID")),
            Map.entry("industry", List.of("Branche", "Industrie", "Industry", "Sector")),
            Map.entry(
                    "sales_region",
                    List.of("Region", "Vertriebsregion", "Verkaufsgebiet", "Gebiet", "Sales Region", "Territory")),
            Map.entry(
                    "account_manager",
                    List.of(
                            "Betreuer",
                            "Kundenbetreuer",
                            "Vertriebsmitarbeiter",
                            "Aussendienst",
                            "Account Manager",
                            "Sales Rep",
                            "Owner",
                            "Account Owner")),
            Map.entry("phone", List.of("Telefon", "Tel", "Telefonnummer", "Phone", "Phone Number", "Telephone")),
            Map.entry("email", List.of("E Mail", "Email", "Mail", "E Mail Adresse", "Email Address")),
            Map.entry("website", List.of("Webseite", "Internet", "Homepage", "Website", "Web", "URL")),
            Map.entry(
                    "product_name",
                    List.of(
                            "Bezeichnung",
                            "Artikelbezeichnung",
                            "Artikelname",
                            "Produktname",
                            "Materialkurztext",
                            "Description",
                            "Product Name",
                            "Item Name",
                            "Lineitem Name")),
            Map.entry(
                    "product_category",
                    List.of(
                            "Warengruppe",
                            "Produktgruppe",
                            "Artikelgruppe",
                            "Kategorie",
                            "Produktkategorie",
                            "Category",
                            "Product Category",
                            "Product Group",
                            "Product Type")),
            Map.entry(
                    "standard_cost",
                    List.of(
                            "Standardkosten",
                            "Einstandspreis",
                            "Herstellkosten",
                            "Einkaufspreis",
                            "EK Preis",
                            "Standard Cost",
                            "Unit Cost",
                            "Cost")),
            Map.entry("unit", List.of("Einheit", "Mengeneinheit", "ME", "Unit", "UoM", "Unit Of Measure")),
            Map.entry("first_name", List.of("Vorname", "First Name", "Given Name")),
            Map.entry("last_name", List.of("Nachname", "Familienname", "Last Name", "Surname")),
            Map.entry(
                    "opportunity_id",
                    List.of(
                            "Id",
                            "Opportunity",
                            "Opportunity ID",
                            "Verkaufschance",
                            "Chance",
                            "Chancen ID",
                            "Deal ID")),
            Map.entry("stage", List.of("Phase", "Verkaufsphase", "Stage", "Stage Name", "Status")),
            Map.entry(
                    "amount_eur",
                    List.of(
                            "Betrag",
                            "Betrag EUR",
                            "Volumen",
                            "Auftragswert",
                            "Amount",
                            "Amount EUR",
                            "Value",
                            "Deal Value")),
            Map.entry(
                    "expected_close_date",
                    List.of("Abschlussdatum", "Voraussichtlicher Abschluss", "Close Date", "Expected Close Date")),
            Map.entry(
                    "credit_note_no",
                    List.of(
                            "Gutschrift",
                            "Gutschriftsnummer",
                            "Gutschrift Nr",
                            "Credit Note",
                            "Credit Note No",
                            "Credit Memo")),
            Map.entry("credit_date", List.of("Gutschriftsdatum", "Credit Date", "Credit Note Date")),
            Map.entry("amount", List.of("Betrag", "Summe", "Amount", "Total")),
            Map.entry("reason", List.of("Grund", "Begruendung", "Reason")),
            Map.entry("rate_month", List.of("Monat", "Kursmonat", "Month", "Rate Month")),
            Map.entry("rate_per_eur", List.of("Kurs", "Wechselkurs", "Rate", "Exchange Rate", "FX Rate")));

    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private FieldVocabulary() {}

    /** The built-in names for a canonical field, the field's own name first. */
    static List<String> namesOf(String field) {
        List<String> names = new ArrayList<>();
        names.add(field.replace('_', ' '));
        names.addAll(SYNONYMS.getOrDefault(field, List.of()));
        return names;
    }

    /** The comparable form of a header: "Kunden-Nr." and "KundenNr" both give "kunden no". */
    static String key(String header) {
        String split = CAMEL.matcher(header.strip()).replaceAll(" ");
        String lower = split.toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        String ascii =
                MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        String[] tokens = NON_ALNUM.matcher(ascii).replaceAll(" ").strip().split(" ");
        List<String> out = new ArrayList<>();
        for (String token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            out.add(
                    switch (token) {
                        case "nr", "nummer", "number", "num", "no" -> "no";
                        default ->
                            token.endsWith("nummer") && token.length() > 6
                                    ? token.substring(0, token.length() - 6) + " no"
                                    : token.endsWith("nr") && token.length() > 4
                                            ? token.substring(0, token.length() - 2) + " no"
                                            : token;
                    });
        }
        // "Number of Units Sold": a leading "number of" says nothing about the field
        if (out.size() > 2 && out.get(0).equals("no") && out.get(1).equals("of")) {
            out = out.subList(2, out.size());
        }
        return String.join(" ", out);
    }
}
