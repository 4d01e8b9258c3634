package org.homepulse.transport.mqtt.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in order, on a shared pool, holding at most
 * {@code capacity} waiting tasks. One queue per handler: a slow handler occupies
 * one pool thread and fills only its own queue; a full queue drops new tasks
 * instead of blocking the caller (the MQTT network thread).
 */
final class SerialQueue {

    /** What to do with a task that threw. */
    interface FailureSink {
        void failed(Throwable t);
    }

    private final Executor pool;
    private final int capacity;
    private final FailureSink onFailure;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean draining;
    private boolean closed;

    SerialQueue(Executor pool, int capacity, FailureSink onFailure) {
        this.pool = pool;
        this.capacity = capacity;
        this.onFailure = onFailure;
    }

    /** Queues {@code task}; {@code false} if the queue is full or closed (the task is dropped). */
    boolean offer(Runnable task) {
        synchronized (this) {
            if (closed || tasks.size() >= capacity) {
                return false;
            }
            tasks.add(task);
            if (draining) {
                return true;
            }
            draining = true;
        }
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException shuttingDown) {
            close();
        }
        return true;
    }

    /** Drops waiting tasks; none is started afterwards. */
    void close() {
        synchronized (this) {
            closed = true;
            tasks.clear();
        }
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = closed ? null : tasks.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run(); // foreign code, outside our lock
            } catch (Throwable t) {
                onFailure.failed(t);
                if (t instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    synchronized (this) {
                        draining = false;
                    }
                    return; // pool shutting down
                }
            }
        }
    }
}
