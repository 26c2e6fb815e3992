package com.wapi.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickHousePropertiesTests {

    private static ClickHouseProperties url(String url) {
        return new ClickHouseProperties(url, "default", "", "ru.yandex.clickhouse.ClickHouseDriver", Map.of(), 4);
    }

    @Test
    void theHttpInterfaceIsTheJdbcUrlsHostAndPort() {
        assertThat(url("jdbc:clickhouse://127.0.0.1:58123/wapi").httpUrl()).hasToString("http://127.0.0.1:58123/");
        assertThat(url("jdbc:clickhouse://ch.internal/wapi?compress=false").httpUrl()).hasToString("http://ch.internal:8123/");
        assertThat(url("jdbc:ch://ch.internal:8124/wapi").httpUrl()).hasToString("http://ch.internal:8124/");
        assertThat(url("jdbc:clickhouse:https://ch.example.com/wapi").httpUrl()).hasToString("https://ch.example.com:8443/");
        assertThat(url("jdbc:clickhouse://ch.example.com:9443/wapi?ssl=true").httpUrl())
                .hasToString("https://ch.example.com:9443/");
        assertThatThrownBy(() -> url("jdbc:postgresql://localhost/wapi").httpUrl())
                .hasMessageContaining("not a jdbc:clickhouse:// URL");
    }
}
