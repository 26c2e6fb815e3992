package com.wapi.analytics.signin;

import com.wapi.analytics.mail.Mailer;
import com.wapi.analytics.mail.Templates;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After a link was asked for: emails it if the address belongs to a user, and answers the same redirect either way.
 * The look-up and the sending happen on a background thread, so a known address takes no longer to answer than an
 * unknown one.
 */
@Component
class LinkEmails implements OneTimeTokenGenerationSuccessHandler {

    private static final Logger log = LoggerFactory.getLogger(LinkEmails.class);

    private final Viewers viewers;
    private final OneTimeLinks links;
    private final Templates templates;
    private final Mailer mailer;
    private final ThreadPoolExecutor sending = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), new ThreadPoolExecutor.DiscardPolicy());

    LinkEmails(Viewers viewers, OneTimeLinks links, Templates templates, Mailer mailer) {
        this.viewers = viewers;
        this.links = links;
        this.templates = templates;
        this.mailer = mailer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        sending.execute(() -> send(token));
        response.sendRedirect(request.getContextPath() + "/signin/sent");
    }

    private void send(OneTimeToken token) {
        try {
            viewers.find(token.getUsername()).ifPresent(viewer -> {
                Map<String, Object> model = Map.of("link", links.url(token), "organization", viewer.organizationName(),
                        "minutes",
                        Duration.between(Instant.now(), token.getExpiresAt()).plusSeconds(30).toMinutes());
                mailer.send("<signin-" + UUID.randomUUID() + "@wapi-analytics>", viewer.email(),
                        "Your sign-in link to wapi-analytics", templates.render("signin-link.txt.ftl", model),
                        templates.render("signin-link.html.ftlh", model));
            });
        } catch (RuntimeException e) {
            log.warn("the sign-in link for {} was not sent: {}", token.getUsername(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        sending.shutdown();
    }
}
