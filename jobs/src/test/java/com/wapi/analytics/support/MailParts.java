package com.wapi.analytics.support;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The parts of a received multipart email. */
public final class MailParts {

    private MailParts() {
    }

    /** The first part of the type (text/plain, text/html), or null. */
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
