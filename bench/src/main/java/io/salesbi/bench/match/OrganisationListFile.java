package io.salesbi.bench.match;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a generated merged organisation list ({@link SyntheticOrganisations}) as CSV with its truth column, to be
 * matched by hand: {@code java -cp … io.salesbi.bench.match.OrganisationListFile ORGANISATIONS SEED FILE}, then
 * {@code salesbi match --input FILE --id id --field name=company --field address=address --field zip=postcode
 * --field phone=phone --default-country US --truth FILE --truth-column entity}.
 */
public final class OrganisationListFile {

    private OrganisationListFile() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: OrganisationListFile ORGANISATIONS SEED FILE");
            System.exit(2);
        }
        SyntheticOrganisations.Dataset dataset =
                SyntheticOrganisations.generate(Integer.parseInt(args[0]), Long.parseLong(args[1]));
        try (Writer out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
            out.write(String.join(",", SyntheticOrganisations.HEADER));
            out.write('\n');
            for (String[] row : dataset.rows()) {
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(quoted(row[c]));
                }
                out.write('\n');
            }
        }
        System.out.println(dataset.rows().size() + " records written to " + args[2]);
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
