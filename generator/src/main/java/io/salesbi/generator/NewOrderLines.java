package io.salesbi.generator;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A small next-day delivery for incremental nights: a share of the already archived ERP order lines again, under new
 * document numbers, as a new order lines file in the ERP inbox. Delivery {@code n} (1, 2, ...) is the file of
 * 2026-01-(15 + n) and prefixes its document numbers with {@code N<n>}, so consecutive deliveries never collide.
 */
public final class NewOrderLines {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private NewOrderLines() {}

    /** The first delivery: every (1/share)-th archived order line as a new order; returns the lines written. */
    public static int deliver(Path home, double share) throws IOException {
        return deliver(home, share, 1);
    }

    /** Delivery number {@code delivery} (from 1): every (1/share)-th archived order line as a new order. */
    public static int deliver(Path home, double share, int delivery) throws IOException {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("share of new order lines must be in (0, 1], was " + share);
        }
        if (delivery < 1 || delivery > 15) {
            throw new IllegalArgumentException("delivery must be 1 to 15, was " + delivery);
        }
        int every = (int) Math.round(1 / share);
        List<Path> archived;
        try (Stream<Path> files = Files.walk(home.resolve("archive/erp"))) {
            archived = files.filter(p -> p.getFileName().toString().contains("erp_order_lines"))
                    .sorted()
                    .toList();
        }
        if (archived.isEmpty()) {
            throw new IllegalStateException("no archived ERP order lines under " + home.resolve("archive/erp"));
        }
        String prefix = "N" + delivery;
        Path inbox = home.resolve("inbox/erp");
        Files.createDirectories(inbox);
        // streamed line by line: at scale 100 the archived file holds 49.6 million lines (3.5 GB), which
        // Files.readAllLines held in the heap at once (out of memory in a 2 GB heap)
        int written = 0;
        boolean header = false;
        try (BufferedWriter out = Files.newBufferedWriter(inbox.resolve(fileName(delivery)), CP1252)) {
            for (Path file : archived) {
                try (BufferedReader in = Files.newBufferedReader(file, CP1252)) {
                    String first = in.readLine();
                    if (first == null) {
                        continue;
                    }
                    if (!header) {
                        out.write(first);
                        out.newLine();
                        header = true;
                    }
                    int index = 0;
                    for (String line = in.readLine(); line != null; line = in.readLine(), index++) {
                        if (index % every == 0) {
                            out.write(prefix);
                            out.write(line);
                            out.newLine();
                            written++;
                        }
                    }
                }
            }
        }
        return written;
    }

    /** The inbox file name of delivery {@code delivery}. */
    public static String fileName(int delivery) {
        return String.format(java.util.Locale.ROOT, "erp_order_lines_202601%02d.csv", 15 + delivery);
    }
}
