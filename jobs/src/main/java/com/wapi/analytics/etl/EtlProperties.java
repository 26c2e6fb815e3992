package com.wapi.analytics.etl;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize raw events per chunk: one ClickHouse insert per fact table and one Postgres commit each
 * @param lockWaitSeconds how long `etl` waits for a run in another process to finish
 * @param partitions id ranges loaded in parallel by one run
 */
@ConfigurationProperties("wapi.etl")
public record EtlProperties(@DefaultValue("20000") int chunkSize, @DefaultValue("60") int lockWaitSeconds,
        @DefaultValue("2") int partitions) {
}
