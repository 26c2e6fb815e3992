package com.wapi.analytics.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real ClickHouse behind an HTTP proxy that adds the check current releases make and 18.16 lacks: an insert
 * whose rows fall in more than 100 partitions (months of event_time) is refused with their error
 * (max_partitions_per_insert_block, TOO_MANY_PARTS). Every other request passes through unchanged.
 */
public final class PartitionLimitProxy implements AutoCloseable {

    private static final int MAX_PARTITIONS_PER_INSERT_BLOCK = 100;
    private static final Pattern INSERT = Pattern.compile("INSERT INTO \\w+ \\(([^)]*)\\) FORMAT TabSeparated");
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "transfer-encoding", "connection");

    private final HttpServer server;
    private final URI target;
    private final AtomicInteger mostMonthsInOneInsert = new AtomicInteger();

    public PartitionLimitProxy(int targetPort) throws IOException {
        this.target = URI.create("http://127.0.0.1:" + targetPort);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The most months of event_time that the rows of one insert spanned, refused or not. */
    public int mostMonthsInOneInsert() {
        return mostMonthsInOneInsert.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String query = exchange.getRequestURI().getRawQuery();
            int months = insertMonths(query == null ? "" : query, body);
            mostMonthsInOneInsert.accumulateAndGet(months, Math::max);
            if (months > MAX_PARTITIONS_PER_INSERT_BLOCK) {
                answer(exchange, 500, ("Code: 252. DB::Exception: Too many partitions for single INSERT block (more than "
                        + MAX_PARTITIONS_PER_INSERT_BLOCK + "). The limit is controlled by 'max_partitions_per_insert_block'"
                        + " setting. (TOO_MANY_PARTS)").getBytes(StandardCharsets.UTF_8), Map.of());
                return;
            }
            forward(exchange, body);
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpURLConnection http = (HttpURLConnection) target.resolve(exchange.getRequestURI().toString()).toURL()
                .openConnection();
        http.setRequestMethod(exchange.getRequestMethod());
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(v -> http.addRequestProperty(name, v));
            }
        });
        if (body.length > 0) {
            http.setDoOutput(true);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
        }
        int status = http.getResponseCode();
        InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream();
        byte[] answer = in == null ? new byte[0] : in.readAllBytes();
        answer(exchange, status, answer, http.getHeaderFields());
    }

    private static void answer(HttpExchange exchange, int status, byte[] body, Map<String, List<String>> headers)
            throws IOException {
        headers.forEach((name, values) -> {
            if (name != null && !HOP_BY_HOP.contains(name.toLowerCase())) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** The months of event_time among the rows of a TabSeparated insert (0 for any other request). */
    private static int insertMonths(String rawQuery, byte[] body) {
        String query = Arrays.stream(rawQuery.split("&")).filter(p -> p.startsWith("query="))
                .map(p -> URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8)).findFirst().orElse("");
        Matcher insert = INSERT.matcher(query);
        if (!insert.find()) {
            return 0;
        }
        int column = List.of(insert.group(1).split(",\\s*")).indexOf("event_time");
        if (column < 0) {
            return 0;
        }
        Set<Integer> months = new HashSet<>();
        for (String row : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (!row.isEmpty()) {
                LocalDateTime time = LocalDateTime.ofEpochSecond(Long.parseLong(row.split("\t", -1)[column]), 0,
                        ZoneOffset.UTC);
                months.add(time.getYear() * 100 + time.getMonthValue());
            }
        }
        return months.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
