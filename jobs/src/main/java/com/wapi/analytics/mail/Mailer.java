package com.wapi.analytics.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends multipart (plain text + HTML) emails with a caller-chosen, deterministic Message-ID. */
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
        } catch (MessagingException e) {
            throw new IllegalStateException("could not build the email: " + e.getMessage(), e);
        }
    }
}
