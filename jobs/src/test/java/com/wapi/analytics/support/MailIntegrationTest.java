package com.wapi.analytics.support;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An {@link IntegrationTest} whose application mails to a GreenMail SMTP server of its own, emptied before each test. */
public abstract class MailIntegrationTest extends IntegrationTest {

    protected static final ServerSetup SMTP = Smtp.onFreePort();

    @RegisterExtension
    protected static GreenMailExtension smtp = new GreenMailExtension(SMTP);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
    }
}
