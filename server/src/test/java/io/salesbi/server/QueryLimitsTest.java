package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.server.QueryLimits.QueryTimeout;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryLimitsTest {

    private final QueryLimits limits =
            new QueryLimits(Duration.ofSeconds(300), Duration.ofSeconds(1_800), 8, 4, 16, Duration.ofSeconds(30));

    @Test
    void noTimeoutOrZeroIsTheDefault() {
        assertThat(limits.timeout(null, "the statement's query timeout"))
                .isEqualTo(new QueryTimeout(Duration.ofSeconds(300), "the server's default query timeout"));
        assertThat(limits.timeout(0L, "the statement's query timeout").duration())
                .isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void aTimeoutUpToTheMaximumIsKeptAndALongerOneIsCapped() {
        QueryTimeout asked = limits.timeout(1_800L, "the statement's query timeout");
        assertThat(asked.message()).isEqualTo("query timeout after 1800 s (the statement's query timeout)");
        QueryTimeout capped = limits.timeout(3_600L, "the connection's query_timeout");
        assertThat(capped.message())
                .isEqualTo("query timeout after 1800 s (the server's maximum query timeout; the connection's "
                        + "query_timeout was 3600 s)");
    }
}
