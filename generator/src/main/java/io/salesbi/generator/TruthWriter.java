package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.CrmAccount;
import io.salesbi.generator.SourceRecords.ErpDebtor;
import io.salesbi.generator.SourceRecords.RepList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Writes the ground truth outside the inbox: which record is which company, and which customers were planted. */
final class TruthWriter {

    private record TruthRow(String system, String key, String entityId) {}

    long customers(Path file, SourceRecords sources) throws IOException {
        List<TruthRow> rows = new ArrayList<>();
        for (CrmAccount a : sources.accounts) {
            rows.add(new TruthRow("crm", a.accountId(), a.company().entityId()));
        }
        for (ErpDebtor d : sources.debtors) {
            rows.add(new TruthRow("erp", d.debtorNo(), d.company().entityId()));
        }
        for (RepList list : sources.repLists) {
            for (int i = 0; i < list.rows().size(); i++) {
                rows.add(new TruthRow(
                        "excel",
                        list.fileStem() + "/" + (i + 1),
                        list.rows().get(i).company().entityId()));
            }
        }
        rows.sort(Comparator.comparing(TruthRow::system)
                .thenComparing(TruthRow::entityId)
                .thenComparing(TruthRow::key));
        try (CsvFile csv = CsvFile.utf8(file, "source_system", "source_key", "entity_id")) {
            for (TruthRow r : rows) {
                csv.field(r.system()).field(r.key()).field(r.entityId());
                csv.endRow();
            }
            return csv.rows();
        }
    }

    /** The true facts of every company, to judge golden records against (beyond the contract, for evaluation). */
    long companies(Path file, List<Company> companies) throws IOException {
        try (CsvFile csv = CsvFile.utf8(
                file,
                "entity_id",
                "company_name",
                "street",
                "postcode",
                "city",
                "country",
                "vat_id",
                "industry",
                "sales_region",
                "website_domain")) {
            for (Company c : companies) {
                csv.field(c.entityId())
                        .field(c.legalName())
                        .field(c.streetLine())
                        .field(c.postcode())
                        .field(c.city().name())
                        .field(c.country())
                        .field(c.vatId())
                        .field(c.industry().label)
                        .field(c.region())
                        .field(c.domain());
                csv.endRow();
            }
            return csv.rows();
        }
    }

    long planted(Path file, List<Company> companies, BuyingProfile[] profiles, SourceRecords sources)
            throws IOException {
        try (CsvFile csv = CsvFile.utf8(file, "entity_id", "debtor_no", "company_name")) {
            for (Company c : companies) {
                if (profiles[c.index()].planted()) {
                    String debtorNo = sources.debtors
                            .get(sources.debtorLinks[c.index()].primaryDebtor())
                            .debtorNo();
                    csv.field(c.entityId()).field(debtorNo).field(c.legalName());
                    csv.endRow();
                }
            }
            return csv.rows();
        }
    }
}
