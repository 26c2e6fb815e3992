package com.wapi.analytics.etl;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param chunkSize raw events per chunk: one ClickHouse insert per fact table and one Postgres commit each
 * @param chunkBytes a chunk also ends once its raw events' bodies reach this size, which bounds the memory a run
 *        of large events takes
 * @param lockWaitSeconds how long `etl` waits for a run in another process to finish
 * @param partitions id ranges of one run, loaded in parallel
 * @param workers who loads the partitions: threads of the running process, or `etl-worker` processes
 * @param workerPoll how often a worker looks for a partition to load and the run looks for finished partitions
 */
@ConfigurationProperties("wapi.etl")
public record EtlProperties(@DefaultValue("20000") int chunkSize, @DefaultValue("64MB") DataSize chunkBytes,
        @DefaultValue("60") int lockWaitSeconds, @DefaultValue("2") int partitions,
        @DefaultValue("local") Workers workers, @DefaultValue("1s") Duration workerPoll) {

    public enum Workers { LOCAL, REMOTE }
}
