package org.homepulse.transport.mqtt.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads with a recognisable name, so a leak after uninstall is easy to spot (and to test for). */
final class NamedThreads implements ThreadFactory {

    /** Every thread this bundle starts has a name beginning with this. */
    static final String PREFIX = "homepulse-mqtt-";

    private final String name;
    private final AtomicInteger count = new AtomicInteger();

    NamedThreads(String purpose) {
        this.name = PREFIX + purpose + "-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
