package io.salesbi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClientUrlTest {

    @Test
    void jdbcUserAndPasswordBecomeAvaticasLoginWithProtobufAndBasicDefaults() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "anna");
        info.setProperty("password", "secret");

        ClientUrl url = ClientUrl.parse("jdbc:salesbi:https://bi.example.com/;truststore=/etc/t.jks", info);

        assertThat(url.endpoint()).isEqualTo(URI.create("https://bi.example.com"));
        assertThat(url.user()).isEqualTo("anna");
        assertThat(url.password()).isEqualTo("secret");
        Properties avatica = url.avaticaProperties();
        assertThat(avatica.getProperty("url")).isEqualTo("https://bi.example.com/");
        assertThat(avatica.getProperty("serialization")).isEqualTo("protobuf");
        assertThat(avatica.getProperty("authentication")).isEqualTo("BASIC");
        assertThat(avatica.getProperty("truststore")).isEqualTo("/etc/t.jks");
        assertThat(avatica.getProperty("user")).isNull();
        assertThat(avatica.getProperty("password")).isNull();
        assertThat(url.avaticaUrl()).isEqualTo("jdbc:avatica:remote:");
    }

    @Test
    void avaticasFormAndItsLoginWinOverJdbcUser() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "ignored");
        ClientUrl url = ClientUrl.parse(
                "jdbc:salesbi:url=http://127.0.0.1:8765;serialization=json;avatica_user=tom;avatica_password=pw", info);

        assertThat(url.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8765"));
        assertThat(url.user()).isEqualTo("tom");
        assertThat(url.password()).isEqualTo("pw");
        assertThat(url.avaticaProperties().getProperty("serialization")).isEqualTo("json");
    }

    @Test
    void aUrlWithoutAnAddressSaysWhatIsMissingWithoutThePassword() {
        assertThatThrownBy(() -> ClientUrl.parse("jdbc:salesbi:;avatica_password=hidden", new Properties()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("needs the server's address: jdbc:salesbi:http://HOST:PORT")
                .hasMessageNotContaining("hidden");
        assertThatThrownBy(() -> ClientUrl.parse("jdbc:salesbi:ftp://host", new Properties()))
                .hasMessageContaining("must start with http:// or https://, was ftp://host");
    }
}
