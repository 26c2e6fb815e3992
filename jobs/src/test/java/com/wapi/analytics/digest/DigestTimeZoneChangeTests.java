package com.wapi.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.wapi.analytics.support.IntegrationTest;
import com.wapi.analytics.support.Smtp;
import com.wapi.analytics.tenancy.OrgSettings;
import com.wapi.analytics.tenancy.Organization;
import com.wapi.analytics.tenancy.Setup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An organization changes its time zone around 09:00 local while the tick runs every 15 minutes: exactly one
 * digest per local date, at 09:00 of the zone in force (or at once, when the change makes a date overdue).
 */
class DigestTimeZoneChangeTests extends IntegrationTest {

    static final ServerSetup SMTP = Smtp.onFreePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
    }

    @Autowired DigestTick tick;
    @Autowired Setup setup;
    @Autowired OrgSettings settings;
    @Autowired JdbcClient db;

    @Test
    void kolkataToChathamJumpsForwardAndSkipsNoDateThePendingOneIsSentAtOnce() throws Exception {
        String org = organization("fwd", "Asia/Kolkata", "2026-11-22T00:00:00Z");
        // changed at 08:45 in Kolkata (03:15Z), before its 09:00 digest of the 24th: 16:30 on the 25th in Chatham
        Map<LocalDate, Instant> sent = run(org, "2026-11-23T00:00:00Z", "2026-11-27T00:00:00Z",
                Instant.parse("2026-11-25T03:15:00Z"), "Pacific/Chatham");
        assertThat(sent).containsExactly(
                Map.entry(LocalDate.parse("2026-11-22"), Instant.parse("2026-11-23T03:30:00Z")), // 09:00 Kolkata
                Map.entry(LocalDate.parse("2026-11-23"), Instant.parse("2026-11-24T03:30:00Z")), // 09:00 Kolkata
                Map.entry(LocalDate.parse("2026-11-24"), Instant.parse("2026-11-25T03:15:00Z")), // at the change
                Map.entry(LocalDate.parse("2026-11-25"), Instant.parse("2026-11-25T19:15:00Z")), // 09:00 Chatham
                Map.entry(LocalDate.parse("2026-11-26"), Instant.parse("2026-11-26T19:15:00Z"))); // 09:00 Chatham
        assertOneEmailPerDate(org, sent);
    }

    @Test
    void chathamToHonoluluJumpsBackAndTheRepeatedDateAlreadySentIsNotSentAgain() throws Exception {
        String org = organization("back", "Pacific/Chatham", "2026-11-22T12:00:00Z");
        // changed at 09:15 in Chatham on the 25th (19:30Z on the 24th), just after its digest of the 24th:
        // 09:30 on the 24th in Honolulu, so Honolulu's 24th repeats a date the ledger holds
        Map<LocalDate, Instant> sent = run(org, "2026-11-23T00:00:00Z", "2026-11-27T21:00:00Z",
                Instant.parse("2026-11-24T19:30:00Z"), "Pacific/Honolulu");
        assertThat(sent).containsExactly(
                Map.entry(LocalDate.parse("2026-11-23"), Instant.parse("2026-11-23T19:15:00Z")), // 09:00 Chatham
                Map.entry(LocalDate.parse("2026-11-24"), Instant.parse("2026-11-24T19:15:00Z")), // 09:00 Chatham
                // 2026-11-25T19:00Z, 09:00 in Honolulu of the 25th: the 24th is in the ledger, nothing is sent
                Map.entry(LocalDate.parse("2026-11-25"), Instant.parse("2026-11-26T19:00:00Z")), // 09:00 Honolulu
                Map.entry(LocalDate.parse("2026-11-26"), Instant.parse("2026-11-27T19:00:00Z"))); // 09:00 Honolulu
        assertOneEmailPerDate(org, sent);
    }

    @Test
    void aNewOwnerGetsTheNextDigestAndTheOldOneNone() throws Exception {
        String org = organization("owner", "UTC", "2026-11-20T00:00:00Z");
        tick.tick(Instant.parse("2026-11-23T09:00:00Z"));
        settings.set(org, new OrgSettings.Changes(null, null, null, null, "new-owner@example.test"), "test");
        tick.tick(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(recipientsOf(org)).containsExactly("owner-" + org + "@example.test", "owner-" + org + "@example.test",
                "owner-" + org + "@example.test", "new-owner@example.test");
    }

    /** Ticks every 15 minutes from {@code from} to {@code to}, changing the zone at {@code change}; date -> when sent. */
    private Map<LocalDate, Instant> run(String org, String from, String to, Instant change, String zone) throws Exception {
        Map<LocalDate, Instant> sent = new LinkedHashMap<>();
        for (Instant now = Instant.parse(from); !now.isAfter(Instant.parse(to)); now = now.plus(Duration.ofMinutes(15))) {
            assertThat(Duration.between(Instant.parse(from), change).toMinutes() % 15).isZero();
            if (now.equals(change)) {
                settings.set(org, new OrgSettings.Changes(null, zone, null, null, null), "test");
            }
            for (DigestTick.Due due : tick.tick(now)) {
                if (due.organizationId().equals(org)) {
                    assertThat(due.outcome()).startsWith("COMPLETED");
                    assertThat(sent.put(due.date(), now)).as("a second digest of %s", due.date()).isNull();
                }
            }
        }
        return sent;
    }

    private void assertOneEmailPerDate(String org, Map<LocalDate, Instant> sent) throws MessagingException {
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(DigestTimeZoneChangeTests::messageId)
                .filter(id -> id.contains("." + org + ".")))
                .containsExactlyElementsOf(sent.keySet().stream()
                        .map(d -> "<digest." + org + "." + d + "@wapi-analytics>").toList());
    }

    private String[] recipientsOf(String org) throws MessagingException {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> messageId(m).contains("." + org + "."))
                .map(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0].toString();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(String[]::new);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String organization(String id, String zone, String createdAt) {
        setup.createOrganization(id, "Org " + id, zone, "owner-" + id + "@example.test", true,
                Organization.EmptyDayMode.send);
        db.sql("UPDATE organizations SET created_at = ?::timestamptz WHERE id = ?").params(createdAt, id).update();
        return id;
    }
}
