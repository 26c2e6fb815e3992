package com.wapi.analytics.readers.errors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Meta's error codes (meta-errors.tsv beside this class): friendly label, category, retry class and the fix.
 * Rows like {@code 200-299} cover a range. Unknown codes still get an entry, labelled with Meta's own title.
 */
public final class MetaErrorCatalogue {

    private static final Set<Integer> SMART_RETRY = Set.of(131049, 130429, 131056, 131000, 131016, 131057);
    private static final Map<Integer, MetaError> BY_CODE = new HashMap<>();
    private static final List<Range> RANGES = new ArrayList<>();
    private static final List<MetaError> ALL = new ArrayList<>();

    private record Range(int from, int to, MetaError error) {
    }

    static {
        load();
    }

    private MetaErrorCatalogue() {
    }

    public static Optional<MetaError> find(int code) {
        MetaError exact = BY_CODE.get(code);
        if (exact != null) {
            return Optional.of(exact);
        }
        return RANGES.stream().filter(r -> code >= r.from && code <= r.to).findFirst()
                .map(r -> new MetaError(code, r.error.title(), r.error.label(), r.error.category(), r.error.retry(),
                        r.error.fix(), r.error.channel()));
    }

    public static MetaError describe(int code, String titleFromMeta) {
        return find(code).orElseGet(() -> {
            String title = titleFromMeta == null || titleFromMeta.isBlank() ? "Unknown error " + code : titleFromMeta;
            return new MetaError(code, title, title, "platform", RetryClass.FIX_FIRST,
                    "Look up code " + code + " in Meta's error-code reference", "both");
        });
    }

    /** Every row as written, ranges once each with their first code. */
    public static List<MetaError> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** Codes a Smart Retry may resend: the per-user marketing limit (after 24 h) and transient errors. */
    public static boolean isSmartRetryCandidate(int code) {
        return SMART_RETRY.contains(code);
    }

    private static void load() {
        try (InputStream in = MetaErrorCatalogue.class.getResourceAsStream("meta-errors.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new IllegalStateException("meta-errors.tsv: expected 7 columns in: " + line);
                }
                String[] codes = f[0].split("-");
                int from = Integer.parseInt(codes[0]);
                MetaError error = new MetaError(from, f[1], f[2], f[3], RetryClass.valueOf(f[4]), f[5], f[6]);
                ALL.add(error);
                if (codes.length == 2) {
                    RANGES.add(new Range(from, Integer.parseInt(codes[1]), error));
                } else if (BY_CODE.put(from, error) != null) {
                    throw new IllegalStateException("meta-errors.tsv: code " + from + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
