package org.homepulse.itests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A script-style WebSocket client of {@code /ws/system}: what a user's own tool
 * would do (the JDK's client, HTTP Basic on the upgrade). Records every message
 * and the close code so tests can wait for them.
 */
public final class HubClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> messages = new ArrayList<>();
    private final List<Long> arrivalNanos = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket socket;

    /** One for all clients: each HttpClient owns a selector thread, and probes connect every few ms. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HubClient() {
    }

    /** Connects with HTTP Basic credentials (null user: anonymous) and optional extra headers. */
    public static HubClient connect(int port, String user, String password, String... headers) {
        HubClient client = new HubClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/system"), client.listener())
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not connect to /ws/system on port " + port + ": " + e, e);
        }
        return client;
    }

    /**
     * Whether a client with these credentials gets a snapshot within {@code wait}:
     * false while the hub is still starting, refusing, or applying a new setting.
     */
    public static boolean servesSnapshot(int port, Duration wait, String user, String password, String... headers) {
        try (HubClient probe = connect(port, user, password, headers)) {
            probe.awaitStatus(0, wait, "snapshot", payload -> true);
            return true;
        } catch (AssertionError notYet) {
            return false;
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    record(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closeCode.completeExceptionally(error);
            }
        };
    }

    private void record(String text) {
        long now = System.nanoTime();
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("server sent something that is not JSON: " + text);
        }
        synchronized (messages) {
            messages.add(node);
            arrivalNanos.add(now);
            messages.notifyAll();
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public int messageCount() {
        synchronized (messages) {
            return messages.size();
        }
    }

    /** When message {@code index} arrived, in {@link System#nanoTime()} of this JVM. */
    public long arrivalNanos(int index) {
        synchronized (messages) {
            return arrivalNanos.get(index);
        }
    }

    /** The index of a message returned by {@link #await}. */
    public int indexOf(JsonNode message) {
        synchronized (messages) {
            for (int i = messages.size() - 1; i >= 0; i--) {
                if (messages.get(i) == message) {
                    return i;
                }
            }
            return -1;
        }
    }

    public List<JsonNode> messages() {
        synchronized (messages) {
            return new ArrayList<>(messages);
        }
    }

    /** Waits for the first message from index {@code from} on that matches. */
    public JsonNode await(int from, Duration timeout, String what, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (messages) {
            int next = from;
            while (true) {
                for (; next < messages.size(); next++) {
                    if (condition.test(messages.get(next))) {
                        return messages.get(next);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no message " + what + " within " + timeout.toMillis() + " ms; got "
                            + messages + (closeCode.isDone() ? ", closed " + closeCode.getNow(null) : ""));
                }
                try {
                    messages.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    /** The next system_status from index {@code from} on that satisfies the condition. */
    public JsonNode awaitStatus(int from, Duration timeout, String what, Predicate<JsonNode> payload) {
        return await(from, timeout, what, m -> "system_status".equals(m.path("type").asText())
                && payload.test(m.path("payload")));
    }

    /** The close code the server sent, waiting for it. */
    public int awaitClose(Duration timeout) {
        try {
            return closeCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the server did not close within " + timeout.toMillis() + " ms: " + e);
        }
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        if (socket != null) {
            socket.abort();
        }
    }
}
