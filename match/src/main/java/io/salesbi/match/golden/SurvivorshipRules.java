package io.salesbi.match.golden;

import java.util.List;

/**
 * Which source is trusted most for which group of fields. A value survives from the most trusted source that has
 * one; among records of equally trusted sources the most recent wins, then the most complete, then the smallest
 * record key. Contact data (phone, e-mail, web) survives from the most recent record instead, because it goes
 * stale faster than it goes wrong.
 *
 * @param identity  sources in order of trust for name, legal form and VAT id
 * @param address   sources in order of trust for the address block
 * @param commercial sources in order of trust for industry and sales region
 * @param ownership sources in order of trust for the account owner
 */
public record SurvivorshipRules(
        List<String> identity, List<String> address, List<String> commercial, List<String> ownership) {

    public static SurvivorshipRules defaults() {
        return new SurvivorshipRules(
                List.of("erp", "crm", "excel"),
                List.of("erp", "crm", "excel"),
                List.of("erp", "crm", "excel"),
                List.of("crm", "erp", "excel"));
    }

    static int rank(List<String> order, String source) {
        int rank = order.indexOf(source);
        return rank < 0 ? order.size() : rank;
    }
}
