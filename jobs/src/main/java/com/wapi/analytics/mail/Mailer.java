package com.wapi.analytics.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends multipart (plain text + HTML) emails with a caller-chosen, deterministic Message-ID. A failure after the
 * message was handed over throws {@link DeliveryUnknownException}; any other failure means nothing was delivered.
 */
@Component
public class Mailer {

    private final JavaMailSender sender;
    private final String from;

    public Mailer(JavaMailSender sender, @Value("${wapi.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    public void send(String messageId, String to, String subject, String text, String html) {
        send(messageId, to, subject, text, html, null);
    }

    /** With a file attached under its own name (null: none). */
    public void send(String messageId, String to, String subject, String text, String html, java.io.File attachment) {
        try {
            MimeMessage message = new MimeMessage(sender.createMimeMessage().getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.split("\\s*,\\s*"));
            helper.setSubject(subject);
            helper.setText(text, html);
            if (attachment != null) {
                helper.addAttachment(attachment.getName(), attachment);
            }
            sender.send(message);
        } catch (MailSendException e) {
            Throwable unconfirmed = unconfirmed(e);
            if (unconfirmed != null) {
                throw new DeliveryUnknownException(unconfirmed.getMessage(), e);
            }
            throw e;
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build the email: " + e.getMessage(), e);
        }
    }

    private static Throwable unconfirmed(MailSendException e) {
        for (Exception failure : e.getMessageExceptions()) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ConfirmingSmtpTransport.Unconfirmed) {
                    return t;
                }
            }
        }
        return null;
    }
}
