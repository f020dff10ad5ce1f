package io.salesbi.generator;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        List<String> result = new ArrayList<>();
        for (Path file : archived) {
            List<String> lines = Files.readAllLines(file, CP1252);
            if (result.isEmpty()) {
                result.add(lines.get(0));
            }
            for (int i = 1; i < lines.size(); i += every) {
                result.add(prefix + lines.get(i));
            }
        }
        Path inbox = home.resolve("inbox/erp");
        Files.createDirectories(inbox);
        Files.write(inbox.resolve(fileName(delivery)), result, CP1252);
        return result.size() - 1;
    }

    /** The inbox file name of delivery {@code delivery}. */
    public static String fileName(int delivery) {
        return String.format(java.util.Locale.ROOT, "erp_order_lines_202601%02d.csv", 15 + delivery);
    }
}
