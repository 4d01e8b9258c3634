package org.homepulse.status.aggregator.internal;

import static org.junit.Assert.assertEquals;

import org.homepulse.status.aggregator.internal.Coalescer.Action;
import org.junit.Test;

public class CoalescerTest {

    private static final long MS = 1_000_000L;
    private final Coalescer coalescer = new Coalescer(250 * MS);

    @Test
    public void firstChangeGoesOutAtOnce() {
        assertEquals(Action.PUBLISH_NOW, coalescer.changed("mqtt", 0));
    }

    @Test
    public void changesInsideTheWindowShareOneTrailingEdge() {
        coalescer.changed("mqtt", 0);
        assertEquals(Action.SCHEDULE_TRAILING, coalescer.changed("mqtt", 10 * MS));
        assertEquals(240 * MS, coalescer.trailingDelay("mqtt", 10 * MS));
        assertEquals(Action.ALREADY_PENDING, coalescer.changed("mqtt", 20 * MS));
        assertEquals(Action.ALREADY_PENDING, coalescer.changed("mqtt", 200 * MS));
    }

    @Test
    public void theTrailingEdgeStartsANewWindow() {
        coalescer.changed("mqtt", 0);
        coalescer.changed("mqtt", 10 * MS);
        coalescer.trailingFired("mqtt", 250 * MS);
        assertEquals(Action.SCHEDULE_TRAILING, coalescer.changed("mqtt", 300 * MS));
        assertEquals(200 * MS, coalescer.trailingDelay("mqtt", 300 * MS));
    }

    @Test
    public void aChangeAfterTheWindowGoesOutAtOnce() {
        coalescer.changed("mqtt", 0);
        assertEquals(Action.PUBLISH_NOW, coalescer.changed("mqtt", 250 * MS));
    }

    @Test
    public void integrationsAreCoalescedIndependently() {
        coalescer.changed("mqtt", 0);
        assertEquals(Action.PUBLISH_NOW, coalescer.changed("frigate", 1 * MS));
        assertEquals(Action.SCHEDULE_TRAILING, coalescer.changed("mqtt", 2 * MS));
        assertEquals(Action.SCHEDULE_TRAILING, coalescer.changed("frigate", 3 * MS));
    }

    @Test
    public void aZeroWindowPublishesEveryChange() {
        coalescer.setWindowNanos(0);
        assertEquals(Action.PUBLISH_NOW, coalescer.changed("mqtt", 0));
        assertEquals(Action.PUBLISH_NOW, coalescer.changed("mqtt", 0));
    }
}
