package com.wapi.analytics.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP front for a real SMTP server, to play its faults: {@link Mode#SILENT} accepts connections and
 * never answers; {@link Mode#DROP_AFTER_DATA} passes the whole message on (the server takes it) and drops the
 * client's connection before the server's reply reaches it.
 */
public final class SmtpFront implements AutoCloseable {

    public enum Mode { FORWARD, SILENT, DROP_AFTER_DATA }

    private static final byte[] END_OF_DATA = "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;

    public SmtpFront(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    @Override
    public void close() {
        closeQuietly(server);
        sockets.forEach(SmtpFront::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                if (mode == Mode.SILENT) {
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(upstream);
                Connection connection = new Connection(client, upstream, mode == Mode.DROP_AFTER_DATA);
                start(connection::clientToServer);
                start(connection::serverToClient);
            } catch (IOException e) {
                return;
            }
        }
    }

    private record Connection(Socket client, Socket upstream, boolean dropAfterData, boolean[] dropped) {

        Connection(Socket client, Socket upstream, boolean dropAfterData) {
            this(client, upstream, dropAfterData, new boolean[1]);
        }

        void clientToServer() {
            int matched = 0;
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    boolean endOfData = false;
                    for (int i = 0; i < n && !endOfData; i++) {
                        matched = buffer[i] == END_OF_DATA[matched] ? matched + 1 : (buffer[i] == END_OF_DATA[0] ? 1 : 0);
                        endOfData = matched == END_OF_DATA.length;
                    }
                    if (endOfData && dropAfterData) {
                        synchronized (dropped) {
                            dropped[0] = true;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                    if (endOfData && dropAfterData) {
                        client.close();
                        return;
                    }
                    if (endOfData) {
                        matched = 0;
                    }
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                closeQuietly(client);
            }
        }

        void serverToClient() {
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (dropped) {
                        if (dropped[0]) {
                            return;
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                closeQuietly(upstream);
                closeQuietly(client);
            }
        }
    }

    private static void start(Runnable pipe) {
        Thread t = new Thread(pipe, "smtp-front-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // already closed
        }
    }
}
