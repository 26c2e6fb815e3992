package com.wapi.analytics.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxWebhookBytes a Meta webhook body (Meta sends up to 3 MB)
 * @param maxEventsBytes one POST /events body
 * @param maxEventLines lines of one NDJSON body
 * @param maxBatchRows rows one group commit may carry
 * @param queueCapacity requests waiting for a group commit before the receiver answers 503
 * @param landingTimeoutMillis how long a request waits for its commit before 503
 * @param bodyDeadlineMillis how long a client may take to send a whole body before 408
 * @param bodyBudgetBytes bytes held at once for bodies not yet checked (signature, token), over all clients
 * @param writerStallMillis how long the landing writer may sit on waiting requests before health reports DOWN
 */
@ConfigurationProperties("wapi.ingest")
public record IngestProperties(@DefaultValue("4194304") int maxWebhookBytes, @DefaultValue("10485760") int maxEventsBytes,
        @DefaultValue("10000") int maxEventLines, @DefaultValue("2000") int maxBatchRows,
        @DefaultValue("20000") int queueCapacity, @DefaultValue("10000") long landingTimeoutMillis,
        @DefaultValue("10000") long bodyDeadlineMillis, @DefaultValue("33554432") int bodyBudgetBytes,
        @DefaultValue("30000") long writerStallMillis) {
}
