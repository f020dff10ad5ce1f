package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.SourceRecords.CrmAccount;
import io.salesbi.generator.SourceRecords.ErpDebtor;
import io.salesbi.generator.SourceRecords.RepList;
import io.salesbi.generator.SourceRecords.RepListRow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * At scale 1 (2,600 companies, planned without writing any file) the sources overlap as the issue asks: duplicates
 * within ERP and CRM, about 60% of CRM accounts with the debtor number, rep list rows unknown to CRM and ERP, and
 * different companies that share a name.
 */
class SourcePlannerTest {

    static List<Company> companies;
    static SourceRecords sources;

    @BeforeAll
    static void plan() {
        Rng master = new Rng(42);
        companies = new CompanyFactory(master.split()).create(2600);
        BuyingProfile[] profiles = new ProfilePlanner(master.split()).plan(companies, 8);
        SalesTeam team = new SalesTeam(8, 6, master.split());
        sources = new SourcePlanner(master.split(), team, LocalDate.of(2026, 1, 15))
                .plan(companies, profiles, new RepListPlanner(master.split(), team, new CompanyPeople(42)));
    }

    @Test
    void aboutFiveThousandCustomerRecordsAtScaleOne() {
        assertThat(sources.recordCount()).isBetween(4500L, 5500L);
    }

    @Test
    void aFewCompaniesHaveTwoDebtorsAndAFewTwoCrmAccounts() {
        Map<String, Integer> debtors = new HashMap<>();
        for (ErpDebtor d : sources.debtors) {
            debtors.merge(d.company().entityId(), 1, Integer::sum);
        }
        Map<String, Integer> accounts = new HashMap<>();
        for (CrmAccount a : sources.accounts) {
            accounts.merge(a.company().entityId(), 1, Integer::sum);
        }
        long twoDebtors = debtors.values().stream().filter(n -> n == 2).count();
        long twoAccounts = accounts.values().stream().filter(n -> n == 2).count();
        assertThat(twoDebtors).isBetween(20L, 90L);
        assertThat(twoAccounts).isBetween(20L, 90L);
        assertThat(debtors.values()).allMatch(n -> n <= 2);
    }

    @Test
    void aboutSixtyPercentOfCrmAccountsCarryTheirOwnDebtorNumberAndAFewAMistypedOne() {
        Map<String, String> entityOfDebtor = new HashMap<>();
        sources.debtors.forEach(
                d -> entityOfDebtor.put(d.debtorNo(), d.company().entityId()));
        long withDebtor = 0;
        long typos = 0;
        for (CrmAccount a : sources.accounts) {
            if (!a.typoOfDebtorNo().isEmpty()) {
                typos++;
                assertThat(a.erpDebtorNo()).isNotEqualTo(a.typoOfDebtorNo());
                assertThat(entityOfDebtor.get(a.typoOfDebtorNo()))
                        .isEqualTo(a.company().entityId());
            } else if (!a.erpDebtorNo().isEmpty()) {
                withDebtor++;
                assertThat(entityOfDebtor.get(a.erpDebtorNo()))
                        .isEqualTo(a.company().entityId());
            }
        }
        assertThat((double) withDebtor / sources.accounts.size()).isBetween(0.55, 0.67);
        assertThat(typos).isBetween(1L, 20L);
    }

    @Test
    void repListsKnowCustomersThatNeitherCrmNorErpKnow() {
        Set<String> known = new HashSet<>();
        sources.debtors.forEach(d -> known.add(d.company().entityId()));
        sources.accounts.forEach(a -> known.add(a.company().entityId()));
        long unknown = 0;
        for (RepList list : sources.repLists) {
            for (RepListRow row : list.rows()) {
                if (!known.contains(row.company().entityId())) {
                    unknown++;
                }
            }
        }
        assertThat(unknown).isGreaterThan(100);
    }

    @Test
    void someDifferentCompaniesShareTheirNameOrFamilyWord() {
        Map<String, Set<String>> entitiesByName = new HashMap<>();
        for (Company c : companies) {
            entitiesByName.computeIfAbsent(c.nameCore(), k -> new HashSet<>()).add(c.entityId());
        }
        long sharedNames =
                entitiesByName.values().stream().filter(s -> s.size() > 1).count();
        assertThat(sharedNames).isGreaterThan(30);
    }
}
