package com.wapi.analytics.support;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The decoded text of one part of a received email. */
public final class MailParts {

    private MailParts() {
    }

    /** The first part of the MIME type (text/plain, text/html), decoded; null if the email has none. */
    public static String part(MimeMessage mail, String type) throws Exception {
        return findPart(mail.getContent(), type);
    }

    private static String findPart(Object content, String type) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var body = multipart.getBodyPart(i);
                if (body.isMimeType(type)) {
                    return body.getContent().toString();
                }
                String nested = findPart(body.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
