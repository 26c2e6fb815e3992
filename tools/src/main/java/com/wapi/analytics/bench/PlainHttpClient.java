package com.wapi.analytics.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal HTTP/1.1 keep-alive client for the load generator: one connection, one request at a time, no
 * allocations beyond the request. Far lighter than java.net.http, so the generator leaves the CPU to the receiver.
 */
final class PlainHttpClient implements AutoCloseable {

    private final String host;
    private final int port;
    private final String path;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    PlainHttpClient(URI uri) {
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.path = uri.getRawPath();
    }

    /** POSTs the body with the given extra header; returns the status code. */
    int post(String headerName, String headerValue, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(15_000);
            socket.connect(new InetSocketAddress(host, port), 2000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }
        try {
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\n" + headerName + ": " + headerValue
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] request = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + body.length);
            System.arraycopy(body, 0, request, head.length(), body.length);
            out.write(request); // one write, one segment: the receiver gets the request in one read
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int readResponse() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        String header;
        while (!(header = line()).isEmpty()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(line().trim(), 16)) > 0) {
                in.skipNBytes(size);
                line();
            }
            line();
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        if (close) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}
