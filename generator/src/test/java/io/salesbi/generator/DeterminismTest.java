package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same seed and scale give byte-identical files, workbooks included; another seed gives other data. */
class DeterminismTest {

    @Test
    void twoRunsWithTheSameSeedWriteIdenticalFiles(@TempDir Path first, @TempDir Path second, @TempDir Path other)
            throws Exception {
        GeneratedInbox.generate(0.01, 11L, first);
        Thread.sleep(2100); // zip entries carry 2-second timestamps: a clock-dependent stamp would now differ
        GeneratedInbox.generate(0.01, 11L, second);
        GeneratedInbox.generate(0.01, 12L, other);

        Map<String, String> a = hashes(first);
        Map<String, String> b = hashes(second);
        assertThat(a).hasSizeGreaterThan(15).isEqualTo(b);
        assertThat(a.keySet()).anyMatch(name -> name.endsWith(".xlsx"));
        String orderLines = "inbox/erp/erp_order_lines_" + GeneratedInbox.STAMP + ".csv";
        assertThat(hashes(other).get(orderLines)).isNotEqualTo(a.get(orderLines));
    }

    private static Map<String, String> hashes(Path root) throws IOException, NoSuchAlgorithmException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                hashes.put(
                        root.relativize(file).toString().replace('\\', '/'),
                        HexFormat.of().formatHex(digest));
            }
        }
        return hashes;
    }
}
