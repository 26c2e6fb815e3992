package com.wapi.analytics.etl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Splits a run's raw event id range (fromId, untilId] into contiguous sub-ranges of about equal size. */
record IdRangePartitioner(long from, long until) implements Partitioner {

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        long size = Math.max(1, (until - from + gridSize - 1) / gridSize);
        int n = 0;
        for (long start = from; start < until; start += size) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(EtlJobConfiguration.FROM_ID, start);
            context.putLong(EtlJobConfiguration.UNTIL_ID, Math.min(until, start + size));
            partitions.put("ids" + n++, context);
        }
        return partitions;
    }
}
