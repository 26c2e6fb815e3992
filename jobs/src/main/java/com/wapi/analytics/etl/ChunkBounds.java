package com.wapi.analytics.etl;

import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.infrastructure.repeat.RepeatContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.repeat.policy.SimpleCompletionPolicy;

/**
 * Ends a chunk at {@code maxEvents} raw events or once their bodies reach {@code maxBytes}, whichever comes first,
 * so that a run of large events holds a bounded amount of memory. Partitions read on their own threads, so the
 * bytes of the chunk being read are counted per thread.
 */
final class ChunkBounds extends SimpleCompletionPolicy implements ItemReadListener<RawEvent> {

    private final long maxBytes;
    private final ThreadLocal<long[]> bytes = ThreadLocal.withInitial(() -> new long[1]);

    ChunkBounds(int maxEvents, long maxBytes) {
        super(maxEvents);
        this.maxBytes = maxBytes;
    }

    @Override
    public RepeatContext start(RepeatContext context) {
        bytes.get()[0] = 0;
        return super.start(context);
    }

    @Override
    public void afterRead(RawEvent event) {
        bytes.get()[0] += event.size();
    }

    @Override
    public boolean isComplete(RepeatContext context, RepeatStatus result) {
        return super.isComplete(context, result) || bytes.get()[0] >= maxBytes;
    }

    @Override
    public boolean isComplete(RepeatContext context) {
        return super.isComplete(context) || bytes.get()[0] >= maxBytes;
    }
}
