package com.wapi.analytics.mail;

import org.springframework.mail.MailException;

/** The SMTP server may have taken the email: sending it again could deliver it twice. */
public class DeliveryUnknownException extends MailException {

    DeliveryUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
