package com.wapi.analytics.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * SMTP as usual, except when the connection fails after the whole message was handed over and before the server's
 * final reply: then the server may have taken the email, and the failure says so ({@link Unconfirmed}), so that it
 * is not sent again blindly. Registered as a mail provider (META-INF/services/jakarta.mail.Provider) and selected by
 * the session property {@code mail.smtp.class}.
 */
public class ConfirmingSmtpTransport extends SMTPTransport {

    /** The message was handed over and the server's answer never came. */
    public static class Unconfirmed extends MessagingException {
        Unconfirmed(String reason, Exception cause) {
            super("the SMTP server took the message and the connection failed before it confirmed (" + reason + ")", cause);
        }
    }

    /** This transport as a mail provider, for {@link java.util.ServiceLoader}. */
    public static class Registration extends Provider {
        public Registration() {
            super(Type.TRANSPORT, "smtp", ConfirmingSmtpTransport.class.getName(), "wapi-analytics", null);
        }
    }

    public ConfirmingSmtpTransport(Session session, URLName urlname) {
        super(session, urlname);
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        try {
            super.finishData();
        } catch (SMTPSendFailedException e) {
            if (e.getReturnCode() >= 400) {
                throw e; // a real refusal: nothing was delivered
            }
            throw new Unconfirmed(e.getMessage() == null ? "no reply" : e.getMessage().strip(), e);
        } catch (IOException | MessagingException e) {
            throw new Unconfirmed(String.valueOf(e.getMessage()), e);
        }
    }
}
