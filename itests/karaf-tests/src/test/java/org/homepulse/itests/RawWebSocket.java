package org.homepulse.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A misbehaving client on a bare socket: it upgrades like any client, then either
 * never reads (a stalled reader whose TCP window fills up) or reads but never answers
 * the server's pings (a half-dead peer). The JDK's client answers pings by itself,
 * so these cases need their own socket.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Upgrades with HTTP Basic; a small receive buffer makes a stalled reader fill up fast. */
    public static RawWebSocket upgrade(int port, String user, String password, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(receiveBuffer);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws/system HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nAuthorization: Basic " + auth + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        RawWebSocket ws = new RawWebSocket(socket);
        String status = ws.readHeaders();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new AssertionError("upgrade refused: " + status);
        }
        return ws;
    }

    /** This client's own port: the server's connection to it has this as remote port. */
    public int localPort() {
        return socket.getLocalPort();
    }

    private String readHeaders() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the upgrade: " + head);
            }
            head.append((char) b);
        }
        return head.substring(0, head.indexOf("\r\n"));
    }

    /**
     * Reads frames without ever answering a ping, until the server closes: returns the
     * close code the server sent (or -1 if it dropped the connection without one).
     * Throws {@link java.net.SocketTimeoutException} if the server stays silent longer
     * than {@code quietLimit}.
     */
    public int readUntilClosedIgnoringPings(java.time.Duration quietLimit) throws IOException {
        socket.setSoTimeout((int) quietLimit.toMillis()); // silence longer than this throws SocketTimeoutException
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                return -1;
            }
            int opcode = b0 & 0x0f;
            long length = in.read() & 0x7f; // server frames are unmasked
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) length);
            if (opcode == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
