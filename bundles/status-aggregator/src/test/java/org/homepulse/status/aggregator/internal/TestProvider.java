package org.homepulse.status.aggregator.internal;

import java.util.concurrent.CountDownLatch;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;
import org.homepulse.status.StatusProvider;

/** A provider whose answer, failure or hang the test sets. */
final class TestProvider implements StatusProvider {

    private final String id;
    volatile IntegrationStatus status = IntegrationStatus.up();
    volatile boolean throwing;
    /** While set, status() blocks until the latch opens. */
    volatile CountDownLatch hang;

    TestProvider(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Test " + id;
    }

    @Override
    public PrimaryField primary() {
        return PrimaryField.CONNECTED;
    }

    @Override
    public IntegrationStatus status() {
        CountDownLatch latch = hang;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (throwing) {
            throw new IllegalStateException("secret=hunter2 must never reach a client");
        }
        return status;
    }
}
