package com.wapi.analytics.digest;

import com.wapi.analytics.mail.Templates;
import java.util.Map;

/** A rendered owner digest: subject, plain-text part and HTML part. */
public record DigestEmail(String subject, String text, String html) {

    public static DigestEmail render(DigestContent content, Templates templates) {
        return render(content, templates, false);
    }

    /** @param late sent well after its time (it waited for the day's data): the subject and the body say so */
    public static DigestEmail render(DigestContent content, Templates templates, boolean late) {
        Map<String, Object> model = Map.of("d", content, "late", late);
        return new DigestEmail((late ? "Late: " : "") + subject(content), templates.render("digest.txt.ftl", model),
                templates.render("digest.html.ftlh", model));
    }

    static String subject(DigestContent content) {
        if (content.isEmpty()) {
            return content.organizationName() + " · " + content.date() + ": nothing was sent";
        }
        return content.organizationName() + " · " + content.date() + ": " + content.account().targeted()
                + " targeted, " + content.account().deliveryPercent() + " delivered, " + content.account().failed()
                + " failed";
    }
}
