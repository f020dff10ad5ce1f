package io.salesbi.match;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The latest delivered row of one customer in one source, as the raw layer holds it, in canonical field names. */
record CustomerSourceRow(
        String sourceSystem,
        String sourceKey,
        String companyName,
        String streetLine,
        String postcode,
        String city,
        String country,
        String phone,
        String email,
        String website,
        String vatId,
        String erpDebtorNo,
        String industry,
        String salesRegion,
        String accountOwner,
        BigDecimal walletEstimateEur,
        BigDecimal potentialEur,
        LocalDateTime sourceUpdatedAt,
        Long loadId) {}
