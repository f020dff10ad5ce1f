package io.salesbi.pipeline.generate;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small next-day delivery for incremental nights: a share of the already archived ERP order lines again, under new
 * document numbers (prefix {@code N}), as a new order lines file in the ERP inbox.
 */
public final class NewOrderLines {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    public static final String FILE_NAME = "erp_order_lines_20260116.csv";

    private NewOrderLines() {
    }

    /** Writes every (1/share)-th archived order line as a new order; returns the number of lines written. */
    public static int deliver(Path home, double share) throws IOException {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("share of new order lines must be in (0, 1], was " + share);
        }
        int every = (int) Math.round(1 / share);
        List<Path> archived;
        try (Stream<Path> files = Files.walk(home.resolve("archive/erp"))) {
            archived = files.filter(p -> p.getFileName().toString().contains("erp_order_lines")).sorted().toList();
        }
        if (archived.isEmpty()) {
            throw new IllegalStateException("no archived ERP order lines under " + home.resolve("archive/erp"));
        }
        List<String> result = new ArrayList<>();
        for (Path file : archived) {
            List<String> lines = Files.readAllLines(file, CP1252);
            if (result.isEmpty()) {
                result.add(lines.get(0));
            }
            for (int i = 1; i < lines.size(); i += every) {
                result.add("N" + lines.get(i));
            }
        }
        Path inbox = home.resolve("inbox/erp");
        Files.createDirectories(inbox);
        Files.write(inbox.resolve(FILE_NAME), result, CP1252);
        return result.size() - 1;
    }
}
