package io.salesbi.match.golden;

import java.math.BigDecimal;

/** One row of core.customer_golden: the surviving value of every field and, in fieldSources, where it came from. */
public record GoldenCustomer(
        String customerId,
        String companyName,
        String legalForm,
        String street,
        String postcode,
        String city,
        String country,
        String phone,
        String email,
        String websiteDomain,
        String vatId,
        String industry,
        String salesRegion,
        String accountOwner,
        BigDecimal walletEstimateEur,
        BigDecimal potentialEur,
        int recordCount,
        String sourceSystems,
        String fieldSources) {}
