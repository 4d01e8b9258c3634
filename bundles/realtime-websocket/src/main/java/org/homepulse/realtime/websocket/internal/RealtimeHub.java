package org.homepulse.realtime.websocket.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.homepulse.status.snapshot.SystemStatus;
import org.homepulse.status.snapshot.SystemStatusSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything behind {@code /ws/system} that is not the container: authenticates
 * new connections, fans snapshots out, answers messages, pings and drops clients
 * that stopped answering.
 *
 * <p>Threads: container threads only call the non-blocking entry points
 * ({@link #open}, {@link #onText}, {@link #onPong}, {@link #onClosed}). Realm
 * logins run on the auth pool, fan-out on its own thread (the aggregator's
 * publisher thread only hands over), pings and closes on the housekeeping thread.
 */
final class RealtimeHub {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeHub.class);

    /** Logins queued beyond this are refused with 1013: a connection storm cannot grow memory. */
    static final int AUTH_QUEUE = 256;
    static final int AUTH_THREADS = 2;
    private static final long SHUTDOWN_WAIT_MS = 2000;

    /** Settings and what is derived from them, swapped as one on reconfiguration. */
    private static final class Rules {
        final RealtimeSettings settings;
        final OriginPolicy origins;
        final Authenticator authenticator;

        Rules(RealtimeSettings settings, OriginPolicy origins, Authenticator authenticator) {
            this.settings = settings;
            this.origins = origins;
            this.authenticator = authenticator;
        }
    }

    private final SystemStatusSource source;
    private final RealmLogin realmLogin;
    private final LongSupplier clock;
    private final InboundMessages inbound = new InboundMessages();
    private final AtomicLong ids = new AtomicLong();

    /** Every open connection, authenticated or not: closed on shutdown and on reconfiguration. */
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    /** The authenticated ones: they receive snapshots and pings. */
    private final Set<Client> live = ConcurrentHashMap.newKeySet();

    private final ThreadPoolExecutor auth;
    private final ExecutorService fanout;
    private final ScheduledThreadPoolExecutor housekeeping;

    private final AtomicReference<SystemStatus> latest = new AtomicReference<>();
    private final AtomicBoolean fanoutScheduled = new AtomicBoolean();

    private final Object lock = new Object();
    private volatile Rules rules;
    private LoginCache cache;
    private ScheduledFuture<?> pinger;
    private volatile boolean closed;

    RealtimeHub(RealtimeSettings settings, SystemStatusSource source, RealmLogin realmLogin, LongSupplier clock) {
        this.source = source;
        this.realmLogin = realmLogin;
        this.clock = clock;
        this.auth = new ThreadPoolExecutor(AUTH_THREADS, AUTH_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(AUTH_QUEUE), NamedThreads.factory("homepulse-realtime-auth"));
        this.auth.allowCoreThreadTimeOut(true);
        this.fanout = Executors.newSingleThreadExecutor(NamedThreads.factory("homepulse-realtime-fanout"));
        this.housekeeping = new ScheduledThreadPoolExecutor(1, NamedThreads.factory("homepulse-realtime-housekeeping"));
        // On shutdown: run the queued closes, but not a pending pong check (it would hold up deactivation).
        this.housekeeping.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.housekeeping.setRemoveOnCancelPolicy(true);
        synchronized (lock) {
            apply(settings);
        }
    }

    // ---- connections (container threads: never block) ----

    /** A connection was upgraded; it is authenticated in the background. */
    Client open(Connection connection, HandshakeInfo handshake) {
        Client[] self = new Client[1];
        ClientOutbox outbox = new ClientOutbox(connection, failure -> sendFailed(self[0], failure));
        Client client = new Client(ids.incrementAndGet(), connection, handshake, outbox, new Liveness());
        self[0] = client;
        clients.add(client);
        if (closed) {
            close(client, CloseCodes.TRY_AGAIN_LATER, CloseCodes.REASON_BUSY);
            return client;
        }
        try {
            auth.execute(() -> authenticate(client));
        } catch (RejectedExecutionException e) {
            LOG.warn("Too many WebSocket logins waiting; refusing {}", client);
            close(client, CloseCodes.TRY_AGAIN_LATER, CloseCodes.REASON_BUSY);
        }
        return client;
    }

    void onText(Client client, String text) {
        client.liveness.heard();
        answer(client, inbound.onText(text));
    }

    void onBinary(Client client) {
        client.liveness.heard();
        answer(client, inbound.onBinary());
    }

    void onPong(Client client) {
        client.liveness.heard();
    }

    /** The container reports the connection closed (by the peer, by us, or broken). */
    void onClosed(Client client) {
        if (client.markClosing()) {
            forget(client);
            LOG.debug("{} disconnected", client);
        }
    }

    private void answer(Client client, InboundMessages.Answer answer) {
        if (answer.closeTooBig) {
            close(client, CloseCodes.TOO_BIG, CloseCodes.REASON_TOO_BIG);
        } else {
            // Before authentication the reply waits in the outbox (bounded): nothing leaves before the snapshot.
            client.outbox.reply(answer.reply);
        }
    }

    // ---- authentication (auth pool) ----

    private void authenticate(Client client) {
        if (client.isClosing()) {
            return;
        }
        Rules r = rules;
        HandshakeInfo handshake = client.handshake();
        client.dropCredentials(); // whatever the outcome, they are not needed again
        if (!r.origins.allows(handshake.origin(), handshake.host())) {
            LOG.info("Refused {}: origin '{}' is neither the hub's own nor listed in allowed_origins", client,
                    handshake.origin());
            close(client, CloseCodes.FORBIDDEN_ORIGIN, CloseCodes.REASON_FORBIDDEN_ORIGIN);
            return;
        }
        Authenticator.Result result;
        try {
            result = r.authenticator.authenticate(handshake);
        } catch (RuntimeException e) {
            LOG.warn("Authentication of {} failed unexpectedly: {}", client, e.getClass().getName());
            result = Authenticator.Result.DENIED;
        }
        if (!result.accepted) {
            LOG.debug("Refused {}: no valid credentials", client);
            close(client, CloseCodes.UNAUTHORIZED, CloseCodes.REASON_UNAUTHORIZED);
            return;
        }
        client.liveness.heard();
        live.add(client); // from now on fan-out offers to it; the outbox holds until release
        if (client.isClosing()) {
            live.remove(client); // closed meanwhile: do not leak it into the broadcast set
            return;
        }
        // Registered before reading current(): a snapshot published in between is not missed,
        // and the outbox drops whichever of the two is older.
        try {
            client.outbox.offer(source.current());
        } catch (RuntimeException e) {
            LOG.debug("No snapshot for {} yet: {}", client, e.toString()); // aggregator restarting
        }
        client.outbox.release();
        LOG.debug("{} authenticated as {}", client, result.who);
    }

    // ---- fan-out ----

    /** A new snapshot: hand it to the fan-out thread and return at once. */
    void publish(SystemStatus status) {
        latest.accumulateAndGet(status, (old, fresh) -> old == null || fresh.sequence() > old.sequence() ? fresh : old);
        if (fanoutScheduled.compareAndSet(false, true)) {
            try {
                fanout.execute(this::fanOut);
            } catch (RejectedExecutionException e) {
                fanoutScheduled.set(false); // shutting down
            }
        }
    }

    private void fanOut() {
        fanoutScheduled.set(false); // before reading: a publish from now on schedules another run
        SystemStatus status = latest.get();
        if (status == null) {
            return;
        }
        for (Client client : live) {
            client.outbox.offer(status);
        }
    }

    // ---- keep-alive (housekeeping thread) ----

    private void pingAll() {
        long timeoutSeconds = rules.settings.pongTimeoutSeconds;
        long now = clock.getAsLong();
        for (Client client : live) {
            client.liveness.pinged(now);
            try {
                client.connection.sendPing();
            } catch (Exception e) {
                LOG.debug("Ping to {} failed: {}", client, e.toString());
                close(client, CloseCodes.GOING_AWAY, CloseCodes.REASON_PONG_TIMEOUT);
            }
        }
        try {
            housekeeping.schedule(this::dropSilent, timeoutSeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Closes the clients that did not answer the last ping in time. Package-visible for tests. */
    void dropSilent() {
        long now = clock.getAsLong();
        long timeoutNanos = TimeUnit.SECONDS.toNanos(rules.settings.pongTimeoutSeconds);
        for (Client client : live) {
            if (client.liveness.overdue(now, timeoutNanos)) {
                LOG.info("Closing {}: no answer to ping within {} s", client, rules.settings.pongTimeoutSeconds);
                close(client, CloseCodes.GOING_AWAY, CloseCodes.REASON_PONG_TIMEOUT);
            }
        }
    }

    /** Sends the periodic pings now (tests; the schedule calls it too). */
    void pingNow() {
        housekeeping.execute(this::pingAll);
    }

    // ---- closing ----

    private void sendFailed(Client client, Throwable failure) {
        // A failed send means a broken or closing connection; the container reports the close too.
        LOG.debug("Send to {} failed: {}", client, failure.toString());
        close(client, CloseCodes.GOING_AWAY, CloseCodes.REASON_SEND_FAILED);
    }

    /** Closes a client once; the close itself runs on the housekeeping thread as it may block. */
    void close(Client client, int code, String reason) {
        if (!client.markClosing()) {
            return;
        }
        forget(client);
        try {
            housekeeping.execute(() -> closeNow(client, code, reason));
        } catch (RejectedExecutionException e) {
            closeNow(client, code, reason); // shutting down: close() waits for these
        }
    }

    private void forget(Client client) {
        live.remove(client);
        clients.remove(client);
        client.outbox.close(); // frees the pending snapshot at once
    }

    private static void closeNow(Client client, int code, String reason) {
        try {
            client.connection.close(code, reason);
        } catch (RuntimeException e) {
            LOG.debug("Closing {} failed: {}", client, e.toString());
        }
    }

    // ---- configuration and lifecycle ----

    void reconfigure(RealtimeSettings settings) {
        boolean reauthenticate;
        synchronized (lock) {
            if (closed || settings.equals(rules.settings)) {
                return;
            }
            reauthenticate = settings.authenticationDiffers(rules.settings);
            apply(settings);
        }
        LOG.info("WebSocket settings changed: {}", settings);
        if (reauthenticate) {
            // Whoever is connected was admitted under the old rules: let them reconnect under the new ones.
            for (Client client : new ArrayList<>(clients)) {
                close(client, CloseCodes.SERVICE_RESTART, CloseCodes.REASON_RECONFIGURED);
            }
        }
    }

    /** Caller holds {@link #lock}. */
    private void apply(RealtimeSettings settings) {
        RealtimeSettings previous = rules == null ? null : rules.settings;
        if (cache == null || previous == null || previous.loginCacheSeconds != settings.loginCacheSeconds
                || settings.authenticationDiffers(previous)) {
            cache = new LoginCache(settings.loginCacheSeconds); // a changed realm must not honour old logins
        }
        rules = new Rules(settings, new OriginPolicy(settings.allowedOrigins),
                new Authenticator(Authenticator.headerSources(), realmLogin, cache, settings, clock));
        if (previous == null || previous.pingIntervalSeconds != settings.pingIntervalSeconds) {
            if (pinger != null) {
                pinger.cancel(false);
            }
            long interval = settings.pingIntervalSeconds;
            pinger = housekeeping.scheduleAtFixedRate(this::pingAll, interval, interval, TimeUnit.SECONDS);
        }
    }

    int clientCount() {
        return clients.size();
    }

    int liveCount() {
        return live.size();
    }

    /** Closes every client with 1001 and stops every thread this hub started. */
    void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (pinger != null) {
                pinger.cancel(false);
            }
        }
        auth.shutdownNow();
        fanout.shutdownNow();
        List<Client> open = new ArrayList<>(clients);
        for (Client client : open) {
            close(client, CloseCodes.GOING_AWAY, CloseCodes.REASON_SHUTDOWN);
        }
        housekeeping.shutdown(); // runs the queued closes, then stops
        awaitQuietly(auth);
        awaitQuietly(fanout);
        awaitQuietly(housekeeping);
        if (!open.isEmpty()) {
            LOG.info("Closed {} WebSocket client(s)", open.size());
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                LOG.warn("A WebSocket thread did not stop within {} ms", SHUTDOWN_WAIT_MS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
