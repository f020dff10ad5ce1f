package io.salesbi.connectors.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.SourceMapping;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Real SAP sample exports (Apache-2.0, see src/test/resources/README.md): both the comma and the German variant. */
class SapExportsTest {

    private static final String ORDER_ITEMS = """
            name: sap_sales_order_items
            inbox: erp
            file-pattern: "*SalesOrderItems*.csv"
            target: raw.sap_sales_order_item
            locale: %s
            fields:
              - { column: "SALESORDERID", field: sales_order_id, type: string, required: true }
              - { column: "SALESORDERITEM", field: item, type: string, required: true }
              - { column: "PRODUCTID", field: product_id, type: string, required: true }
              - { column: "NOTEID", field: note_id, type: string }
              - { column: "CURRENCY", field: currency, type: string }
              - { column: "NETAMOUNT", field: net_amount, type: decimal, required: true }
              - { column: "QUANTITY", field: quantity, type: integer }
              - { column: "DELIVERYDATE", field: delivery_date, type: date, format: "yyyyMMdd" }
            """;

    @Test
    void commaVariantKeepsLeadingZerosAndDecimalPoints() throws Exception {
        Path file = resource("sap/bikes_SalesOrderItems_head20.csv");
        CollectingSink sink = new CollectingSink();

        ReadSummary summary = read(file, Mappings.of(ORDER_ITEMS.formatted("en-US")), sink);

        assertThat(summary.rowsDelivered()).isEqualTo(20);
        assertThat(summary.rowsAccepted()).isEqualTo(20);
        assertThat(summary.unknownColumns())
                .containsExactly("GROSSAMOUNT", "TAXAMOUNT", "ITEMATPSTATUS", "OPITEMPOS", "QUANTITYUNIT");
        assertThat(sink.values(0))
                .containsExactly(
                        "0500000000",
                        "0000000010",
                        "MB-1034",
                        null,
                        "USD",
                        new BigDecimal("2186.625"),
                        4L,
                        LocalDate.of(2018, 3, 11));
        assertThat(sink.values(4))
                .containsExactly(
                        "0500000001",
                        "0000000030",
                        "CC-1021",
                        null,
                        "USD",
                        new BigDecimal("1001"),
                        3L,
                        LocalDate.of(2018, 2, 28));
    }

    @Test
    void semicolonVariantWithBomAndDecimalComma() throws Exception {
        Path file = resource("sap/sales_SalesOrderItems_head20.csv");
        CollectingSink sink = new CollectingSink();

        ReadSummary summary = read(file, Mappings.of(ORDER_ITEMS.formatted("de-DE")), sink);

        assertThat(summary.rowsAccepted()).isEqualTo(20);
        assertThat(sink.rows.get(0).row()).isEqualTo(2);
        assertThat(sink.values(0))
                .containsExactly(
                        "200000000",
                        "10",
                        "MZ-FG-R100",
                        null,
                        "USD",
                        new BigDecimal("4374.13"),
                        6L,
                        LocalDate.of(2015, 2, 26));
        assertThat(sink.values(1))
                .containsExactly(
                        "200000001",
                        "10",
                        "MZ-FG-P010",
                        null,
                        "USD",
                        new BigDecimal("1049.13"),
                        3L,
                        LocalDate.of(2015, 2, 15));
    }

    @Test
    void businessPartnerIdsStayStrings() throws Exception {
        Path file = resource("sap/bikes_BusinessPartners.csv");
        SourceMapping mapping = Mappings.of("""
                name: sap_business_partners
                inbox: erp
                file-pattern: "*BusinessPartners*.csv"
                target: raw.sap_business_partner
                unknown-columns: ignore
                fields:
                  - { column: "PARTNERID", field: partner_id, type: string, required: true }
                  - { column: "PARTNERROLE", field: role, type: integer }
                  - { column: "PHONENUMBER", field: phone, type: string }
                  - { column: "COMPANYNAME", field: company_name, type: string }
                  - { column: "CREATEDAT", field: created_at, type: date, format: "yyyyMMdd" }
                """);
        CollectingSink sink = new CollectingSink();

        ReadSummary summary = read(file, mapping, sink);

        assertThat(summary.rowsAccepted()).isEqualTo(40);
        assertThat(summary.warnings()).isEmpty();
        assertThat(sink.values(0))
                .containsExactly("0100000000", 2L, "622734567", "All For Bikes", LocalDate.of(2018, 10, 3));
        assertThat(sink.values(39))
                .containsExactly("0100000039", 1L, "4203876954", "Eiffel Bikes", LocalDate.of(2018, 10, 3));
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(SapExportsTest.class.getClassLoader().getResource(name).toURI());
    }

    private static ReadSummary read(Path file, SourceMapping mapping, RowSink sink) throws FileRejectedException {
        return SourceFileReader.forFile(file, mapping).read(file, mapping, sink);
    }
}
