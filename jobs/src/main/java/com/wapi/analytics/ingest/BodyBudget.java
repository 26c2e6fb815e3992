package com.wapi.analytics.ingest;

import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/** Bytes held at once for bodies not yet checked (signature or token), over all clients and both webhook ports. */
@Component
class BodyBudget {

    private final Semaphore bytes;

    BodyBudget(IngestProperties properties) {
        this.bytes = new Semaphore(properties.bodyBudgetBytes());
    }

    boolean tryReserve(int n) {
        return bytes.tryAcquire(n);
    }

    void release(int n) {
        bytes.release(n);
    }
}
