package com.wapi.analytics.etl;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use at once during a run, sampled every 10 ms. Summing each pool's own peak would overstate it:
 * the young and old generations peak at different moments.
 */
final class HeapPeak {

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapPeak() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-peak");
        sampler.setDaemon(true);
    }

    static HeapPeak start() {
        HeapPeak heap = new HeapPeak();
        heap.sampler.start();
        return heap;
    }

    /** Stops sampling; the peak in bytes. */
    long stop() throws InterruptedException {
        running = false;
        sampler.join();
        return peak.get();
    }
}
