package com.wapi.analytics.support;

import com.wapi.analytics.cli.WapiCommandLine;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client signed in to the pages as a user: the link comes from `scripts/wapi user link EMAIL`, its page's
 * Sign in button is pressed, and the session cookie is kept for the requests that follow.
 */
public final class PageClient {

    private static final Pattern FIELD = Pattern.compile("name=\"(token|_csrf)\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;

    private PageClient(int port) {
        this.port = port;
    }

    public static PageClient signIn(WapiCommandLine cli, int port, String email) throws Exception {
        CliResult link = CliResult.run(cli, "user", "link", email);
        if (link.exitCode() != 0) {
            throw new IllegalStateException("user link " + email + ": " + link.err());
        }
        URI uri = URI.create(link.line());
        PageClient client = new PageClient(port);
        String page = client.get(uri.getRawPath() + "?" + uri.getRawQuery()).body();
        StringBuilder form = new StringBuilder();
        Matcher field = FIELD.matcher(page);
        while (field.find()) {
            form.append(form.isEmpty() ? "" : "&").append(field.group(1)).append('=')
                    .append(URLEncoder.encode(field.group(2), StandardCharsets.UTF_8));
        }
        HttpResponse<String> signedIn = client.http.send(client.request(uri.getRawPath())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/app")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.body());
        }
        return client;
    }

    public HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
    }
}
