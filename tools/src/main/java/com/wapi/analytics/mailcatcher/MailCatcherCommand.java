package com.wapi.analytics.mailcatcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "mail-catcher", mixinStandardHelpOptions = true,
        description = {"A local SMTP server that keeps every email it receives as NNN-recipient.eml and .html in a folder,",
                "for demos and trials: point WAPI_SMTP_HOST/WAPI_SMTP_PORT at it. Runs until stopped."})
public class MailCatcherCommand implements Callable<Integer> {

    @Spec CommandSpec spec;
    @Option(names = "--port", defaultValue = "2525") int port;
    @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        spec.commandLine().getOut().printf("mail-catcher: listening on 127.0.0.1:%d, writing to %s%n", port, out);
        spec.commandLine().getOut().flush();
        Set<String> saved = new HashSet<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (MimeMessage message : smtp.getReceivedMessages()) {
                    if (saved.add(message.getMessageID() + " " + message.getAllRecipients()[0])) {
                        save(message, saved.size());
                    }
                }
                Thread.sleep(200);
            }
        } finally {
            smtp.stop();
        }
        return 0;
    }

    private void save(MimeMessage message, int number) throws Exception {
        String to = message.getAllRecipients()[0].toString().replaceAll("[^A-Za-z0-9@._-]", "_");
        String name = String.format("%03d-%s", number, to);
        try (OutputStream eml = Files.newOutputStream(out.resolve(name + ".eml"))) {
            message.writeTo(eml);
        }
        String html = html(message);
        if (html != null) {
            Files.writeString(out.resolve(name + ".html"), html, StandardCharsets.UTF_8);
        }
    }

    private static String html(Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = html(multipart.getBodyPart(i));
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }
}
