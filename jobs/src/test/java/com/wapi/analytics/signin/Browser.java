package com.wapi.analytics.signin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser against the running server: keeps its cookies (also Secure ones, as a browser behind https
 * would), follows no redirects, and reads the CSRF field of the last form it saw.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    Browser(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrf != null) {
            fields.putIfAbsent("_csrf", csrf);
        }
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST without the form's CSRF field. */
    HttpResponse<String> postWithoutCsrf(String path, Map<String, String> form) throws IOException, InterruptedException {
        String saved = csrf;
        csrf = null;
        try {
            return post(path, form);
        } finally {
            csrf = saved;
        }
    }

    /** Opens an emailed link (its path and query) and presses the page's Sign in button. */
    HttpResponse<String> followLink(String link) throws IOException, InterruptedException {
        URI uri = URI.create(link);
        HttpResponse<String> page = get(uri.getRawPath() + "?" + uri.getRawQuery());
        Matcher token = TOKEN.matcher(page.body());
        if (page.statusCode() != 200 || !token.find()) {
            throw new AssertionError("the link's page has no sign-in form: " + page.statusCode() + " " + page.body());
        }
        return post(uri.getRawPath(), Map.of("token", token.group(1)));
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().split(";")[0])
                    .collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String[] nameValue = setCookie.split("=", 2);
            cookies.put(nameValue[0], nameValue[1]);
        }
        Matcher field = CSRF.matcher(response.body());
        if (field.find()) {
            csrf = field.group(1);
        }
        return response;
    }
}
