package com.wapi.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wapi.analytics.digest.DigestContent;
import com.wapi.analytics.digest.DigestEmail;
import com.wapi.analytics.mail.Templates;
import com.wapi.analytics.report.Funnel;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The owner digest links each workspace to the overview of its day, at wapi.public-url. */
class DigestLinkTests {

    @Test
    void eachWorkspaceLinksToTheOverviewOfTheDay() throws Exception {
        Funnel funnel = new Funnel(25, 23, 19, 12, 4, 2);
        DigestContent content = new DigestContent("acme", "Acme", "Asia/Kolkata", LocalDate.parse("2026-11-23"), funnel,
                Funnel.NONE, List.of(new DigestContent.WorkspaceCard("acme-sales", "Sales", 1, funnel, List.of(),
                        new DigestContent.SmartRetry(0, 0, 0), List.of(), 2)), List.of());
        DigestEmail email = DigestEmail.render(content, new Templates("", "https://analytics.example.test/"));
        String overview = "https://analytics.example.test/app/workspaces/acme-sales/overview?from=2026-11-23&to=2026-11-23";
        assertThat(Jsoup.parse(email.html()).select("a").eachAttr("href")).contains(overview);
        assertThat(email.text()).contains("Overview of the day: " + overview);
    }
}
