package com.wapi.analytics.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Distinct Meta status webhooks made for a microsecond each, so the load generator and the baseline spend their CPU
 * on sending and inserting rather than on building JSON: a few bodies are built once
 * ({@link ReceiverLoad#body}), and each body after that is a copy of one of them with its message number patched in.
 * Numbers have a fixed width of 12 digits, so a patch never moves a byte.
 */
final class StatusBodies {

    private static final long FIRST = 100_000_000_000L;
    private static final int TEMPLATES = 64;

    private final byte[][] templates = new byte[TEMPLATES][];
    private final int[][] numberAt = new int[TEMPLATES][];

    StatusBodies(String runKey, Random random) {
        for (int k = 0; k < TEMPLATES; k++) {
            long n = FIRST + k;
            templates[k] = ReceiverLoad.body(runKey, n, random);
            numberAt[k] = find(templates[k], ("." + n + ".").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The body numbered {@code sequence}; different sequences give different bodies. */
    byte[] body(long sequence) {
        int k = (int) (sequence % TEMPLATES);
        byte[] body = templates[k].clone();
        long n = FIRST + sequence;
        for (int at : numberAt[k]) {
            long rest = n;
            for (int i = at + 12; i > at; i--) {
                body[i] = (byte) ('0' + rest % 10);
                rest /= 10;
            }
        }
        return body;
    }

    private static int[] find(byte[] body, byte[] needle) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + needle.length <= body.length; i++) {
            int j = 0;
            while (j < needle.length && body[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                found.add(i);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }
}
