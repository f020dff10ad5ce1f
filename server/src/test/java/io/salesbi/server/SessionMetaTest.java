package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionMetaTest {

    @Test
    void framesHoldAtLeastTheServersMinimumOfRows() {
        assertThat(SessionMeta.frameRows(100)).isEqualTo(5_000);
        assertThat(SessionMeta.frameRows(5_000)).isEqualTo(5_000);
        assertThat(SessionMeta.frameRows(20_000)).isEqualTo(20_000);
    }

    @Test
    void unlimitedAndDefaultFrameSizesPassUnchanged() {
        assertThat(SessionMeta.frameRows(-2)).isEqualTo(-2);
        assertThat(SessionMeta.frameRows(-1)).isEqualTo(-1);
        assertThat(SessionMeta.frameRows(0)).isEqualTo(0);
    }
}
