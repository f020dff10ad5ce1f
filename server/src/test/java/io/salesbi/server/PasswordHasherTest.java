package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final int FAST_TEST_ITERATIONS = 1_000;

    @Test
    void verifiesTheHashedPasswordAndNoOther() {
        // given
        String hash = PasswordHasher.hash("Kennwort-2026".toCharArray(), FAST_TEST_ITERATIONS);

        // then
        assertThat(hash).startsWith("pbkdf2-sha256$1000$");
        assertThat(PasswordHasher.verify("Kennwort-2026".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.verify("kennwort-2026".toCharArray(), hash)).isFalse();
        assertThat(PasswordHasher.verify("".toCharArray(), hash)).isFalse();
    }

    @Test
    void saltsEveryHashDifferently() {
        String first = PasswordHasher.hash("same".toCharArray(), FAST_TEST_ITERATIONS);
        String second = PasswordHasher.hash("same".toCharArray(), FAST_TEST_ITERATIONS);

        assertThat(first).isNotEqualTo(second);
        assertThat(PasswordHasher.verify("same".toCharArray(), second)).isTrue();
    }

    @Test
    void defaultHashCarriesTheDocumentedIterationCount() {
        assertThat(PasswordHasher.hash("x".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void malformedHashesMatchNothing() {
        assertThat(PasswordHasher.verify("x".toCharArray(), "!")).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "pbkdf2-sha256$abc$AAAA$AAAA"))
                .isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), "md5$1$AAAA$AAAA")).isFalse();
        assertThat(PasswordHasher.verify("x".toCharArray(), null)).isFalse();
    }
}
