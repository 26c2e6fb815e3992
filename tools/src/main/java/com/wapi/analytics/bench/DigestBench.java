package com.wapi.analytics.bench;

import com.wapi.analytics.digest.DigestAssembler;
import com.wapi.analytics.digest.DigestContent;
import com.wapi.analytics.digest.DigestEmail;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.tenancy.Organization;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Assembles and renders the owner digest of every organization for one day, as the digest job does, minus SMTP. */
final class DigestBench {

    record Result(int digests, double seconds, long peakHeapBytes, long targeted, long htmlBytes, int empty) {
    }

    private final DigestAssembler assembler;
    private final Templates templates;

    DigestBench(DigestAssembler assembler, Templates templates) {
        this.assembler = assembler;
        this.templates = templates;
    }

    Result run(List<Organization> organizations, LocalDate date, int threads) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong targeted = new AtomicLong();
        AtomicLong htmlBytes = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Organization org : organizations) {
                work.add(pool.submit(() -> {
                    DigestContent content = assembler.assemble(org, date);
                    DigestEmail email = DigestEmail.render(content, templates);
                    targeted.addAndGet(content.account().targeted());
                    htmlBytes.addAndGet(email.html().length() + email.text().length());
                    if (content.isEmpty()) {
                        empty.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result(organizations.size(), seconds, peak, targeted.get(), htmlBytes.get(), (int) empty.get());
    }
}
