package io.salesbi.match.record;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One row of staging.customer_record: a customer record of any source, standardized for matching. */
public record CustomerRecord(
        String recordKey,
        String sourceSystem,
        String sourceKey,
        String companyName,
        String nameNormalized,
        String legalForm,
        String street,
        String houseNumber,
        String postcode,
        String city,
        String country,
        String phone,
        String email,
        String websiteDomain,
        String vatId,
        String erpDebtorNo,
        String industry,
        String salesRegion,
        String accountOwner,
        BigDecimal walletEstimateEur,
        BigDecimal potentialEur,
        LocalDateTime sourceUpdatedAt,
        Long loadId) {}
