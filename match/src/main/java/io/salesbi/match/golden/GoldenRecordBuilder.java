package io.salesbi.match.golden;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.salesbi.match.record.CustomerRecord;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds one golden customer from the records of a cluster by the survivorship rules, recording every value's source. */
public final class GoldenRecordBuilder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Comparator<LocalDateTime> NEWEST_FIRST =
            Comparator.nullsLast(Comparator.<LocalDateTime>reverseOrder());

    private final SurvivorshipRules rules;

    public GoldenRecordBuilder(SurvivorshipRules rules) {
        this.rules = rules;
    }

    public GoldenCustomer build(String customerId, List<CustomerRecord> records) {
        Map<String, String> sources = new LinkedHashMap<>();
        CustomerRecord name =
                pick(records, CustomerRecord::companyName, trusted(rules.identity()), sources, "company_name");
        CustomerRecord address = pickAddress(records, sources);
        CustomerRecord phone = pick(records, CustomerRecord::phone, recent(rules.identity()), sources, "phone");
        CustomerRecord email = pick(records, CustomerRecord::email, recent(rules.identity()), sources, "email");
        CustomerRecord web =
                pick(records, CustomerRecord::websiteDomain, recent(rules.identity()), sources, "website_domain");
        CustomerRecord vat = pick(records, CustomerRecord::vatId, trusted(rules.identity()), sources, "vat_id");
        CustomerRecord industry =
                pick(records, CustomerRecord::industry, trusted(rules.commercial()), sources, "industry");
        CustomerRecord region =
                pick(records, CustomerRecord::salesRegion, trusted(rules.commercial()), sources, "sales_region");
        CustomerRecord owner =
                pick(records, CustomerRecord::accountOwner, trusted(rules.ownership()), sources, "account_owner");
        CustomerRecord wallet = pick(
                records, CustomerRecord::walletEstimateEur, recent(rules.ownership()), sources, "wallet_estimate_eur");
        CustomerRecord potential = pick(
                records,
                CustomerRecord::potentialEur,
                recent(List.of("excel", "crm", "erp")),
                sources,
                "potential_eur");
        String street = address == null
                ? null
                : address.houseNumber() == null
                        ? address.street()
                        : address.street() == null
                                ? address.houseNumber()
                                : address.street() + " " + address.houseNumber();
        String sourceSystems =
                records.stream()
                        .map(CustomerRecord::sourceSystem)
                        .collect(Collectors.toCollection(TreeSet::new))
                        .stream()
                        .collect(Collectors.joining(","));
        return new GoldenCustomer(
                customerId,
                value(name, CustomerRecord::companyName),
                value(name, CustomerRecord::legalForm),
                street,
                value(address, CustomerRecord::postcode),
                value(address, CustomerRecord::city),
                value(address, CustomerRecord::country),
                value(phone, CustomerRecord::phone),
                value(email, CustomerRecord::email),
                value(web, CustomerRecord::websiteDomain),
                value(vat, CustomerRecord::vatId),
                value(industry, CustomerRecord::industry),
                value(region, CustomerRecord::salesRegion),
                value(owner, CustomerRecord::accountOwner),
                value(wallet, CustomerRecord::walletEstimateEur),
                value(potential, CustomerRecord::potentialEur),
                records.size(),
                sourceSystems,
                json(sources));
    }

    /** The address survives as a block from one record, so street and city never come from different places. */
    private CustomerRecord pickAddress(List<CustomerRecord> records, Map<String, String> sources) {
        Comparator<CustomerRecord> order = Comparator.comparingInt((CustomerRecord r) -> -addressCompleteness(r))
                .thenComparing(trusted(rules.address()));
        CustomerRecord best = records.stream()
                .filter(r -> addressCompleteness(r) > 0)
                .min(order)
                .orElse(null);
        if (best != null) {
            for (String field : List.of("street", "postcode", "city", "country")) {
                sources.put(field, best.recordKey());
            }
        }
        return best;
    }

    private static int addressCompleteness(CustomerRecord r) {
        return (r.street() == null ? 0 : 2)
                + (r.houseNumber() == null ? 0 : 1)
                + (r.postcode() == null ? 0 : 2)
                + (r.city() == null ? 0 : 2)
                + (r.country() == null ? 0 : 1);
    }

    private static <T> CustomerRecord pick(
            List<CustomerRecord> records,
            Function<CustomerRecord, T> field,
            Comparator<CustomerRecord> order,
            Map<String, String> sources,
            String name) {
        CustomerRecord best =
                records.stream().filter(r -> field.apply(r) != null).min(order).orElse(null);
        if (best != null) {
            sources.put(name, best.recordKey());
        }
        return best;
    }

    /** Most trusted source first, then the most recent, then the most complete, then the smallest key. */
    private static Comparator<CustomerRecord> trusted(List<String> order) {
        return Comparator.comparingInt((CustomerRecord r) -> SurvivorshipRules.rank(order, r.sourceSystem()))
                .thenComparing(CustomerRecord::sourceUpdatedAt, NEWEST_FIRST)
                .thenComparingInt(r -> -completeness(r))
                .thenComparing(CustomerRecord::recordKey);
    }

    /** Most recent first, then the most trusted source, then the smallest key. */
    private static Comparator<CustomerRecord> recent(List<String> order) {
        return Comparator.comparing(CustomerRecord::sourceUpdatedAt, NEWEST_FIRST)
                .thenComparingInt(r -> SurvivorshipRules.rank(order, r.sourceSystem()))
                .thenComparing(CustomerRecord::recordKey);
    }

    private static int completeness(CustomerRecord r) {
        int filled = 0;
        for (Object value : new Object[] {
            r.companyName(),
            r.street(),
            r.postcode(),
            r.city(),
            r.phone(),
            r.email(),
            r.websiteDomain(),
            r.vatId(),
            r.industry()
        }) {
            filled += value == null ? 0 : 1;
        }
        return filled;
    }

    private static <T> T value(CustomerRecord record, Function<CustomerRecord, T> field) {
        return record == null ? null : field.apply(record);
    }

    /** Which source each golden attribute came from, as a JSON object (Jackson escapes what a value holds). */
    static String json(Map<String, String> sources) {
        ObjectNode node = JSON.createObjectNode();
        sources.forEach((attribute, source) -> node.put(attribute, Objects.toString(source)));
        return node.toString();
    }
}
