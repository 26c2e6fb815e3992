package com.wapi.analytics.support;

import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A GreenMail SMTP set-up on a free port, so that test JVMs of several checkouts never collide on 3025. */
public final class Smtp {

    private Smtp() {
    }

    public static ServerSetup onFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
