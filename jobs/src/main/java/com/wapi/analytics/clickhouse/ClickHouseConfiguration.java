package com.wapi.analytics.clickhouse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClickHouseConfiguration {

    @Bean(destroyMethod = "close")
    ClickHouse clickHouse(ClickHouseProperties properties) {
        return new ClickHouse(properties);
    }
}
