package com.wapi.analytics.support;

import com.icegreen.greenmail.base.GreenMailOperations;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What each GreenMail mailbox received: one stored copy per recipient of an email. */
public final class Mailboxes {

    private Mailboxes() {
    }

    /** "mailbox message-id" -> how many copies arrived in that mailbox. */
    public static Map<String, Long> copies(GreenMailOperations smtp) {
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (GreenMailUser user : smtp.getUserManager().listUser()) {
                for (StoredMessage m : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    counts.merge(user.getEmail() + " " + m.getMimeMessage().getMessageID(), 1L, Long::sum);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /** The emails in one mailbox, in the order they arrived. */
    public static List<MimeMessage> inbox(GreenMailOperations smtp, String address) {
        List<MimeMessage> mails = new ArrayList<>();
        try {
            GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
            if (user != null) {
                for (StoredMessage m : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                    mails.add(m.getMimeMessage());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }
}
