package org.homepulse.integration.frigate.internal;

import java.util.function.LongSupplier;
import org.homepulse.mqtt.MqttMessage;
import org.homepulse.mqtt.integration.MqttLiveness;
import org.homepulse.mqtt.integration.RateLimitedLog;
import org.homepulse.mqtt.integration.TopicTreeSettings;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;

/**
 * What Frigate's traffic says: its announced availability and when it last
 * published anything live. Up to 0.17 a clean stop leaves {@code online}
 * retained, so with a grace window set, fresh live traffic (stats every 60 s by
 * default) is required as well. Time-derived parts are computed on read.
 */
final class FrigateLiveness implements MqttLiveness<TopicTreeSettings> {

    private final LongSupplier clockMillis;
    private final RateLimitedLog badInput;
    private volatile Availability availability; // null: never announced
    private volatile long lastLiveMillis;
    private volatile boolean seenLive;

    FrigateLiveness(LongSupplier clockMillis, RateLimitedLog badInput) {
        this.clockMillis = clockMillis;
        this.badInput = badInput;
    }

    @Override
    public void record(TopicTreeSettings s, MqttMessage message) {
        if (!s.covers(message.topic())) {
            return; // from a prefix we just left
        }
        Availability announced = null;
        if (message.topic().equals(s.topicRoot() + "/available")) {
            announced = Availability.parse(message.payload());
            if (announced == null) {
                // Never the payload itself: it is not ours to copy into logs.
                badInput.warn("available", "Ignoring a Frigate available payload that is not online, offline "
                        + "or stopped (" + message.payloadLength() + " bytes)");
            }
        }
        record(message, announced);
    }

    /** Records one message under the prefix; {@code announced} is set when it was {@code <prefix>/available}. */
    private void record(MqttMessage message, Availability announced) {
        if (announced != null) {
            availability = announced;
        }
        // Retained messages are replays; a live offline/stopped is Frigate leaving, not living.
        if (!message.retained() && (announced == null || announced == Availability.ONLINE)) {
            lastLiveMillis = clockMillis.getAsLong();
            seenLive = true;
        }
    }

    Availability availability() {
        return availability;
    }

    /** The MQTT session ended: only what we hear after the next connect counts as live. */
    @Override
    public void forgetLiveness() {
        seenLive = false;
    }

    /** Forgets everything (the prefix changed). */
    @Override
    public void reset() {
        availability = null;
        seenLive = false;
    }

    @Override
    public IntegrationStatus status(TopicTreeSettings s) {
        long graceMillis = s.graceMillis();
        Availability a = availability;
        if (a == Availability.OFFLINE) {
            return IntegrationStatus.down(Reason.BRIDGE_OFFLINE);
        }
        if (a == Availability.STOPPED) {
            return IntegrationStatus.down(Reason.STOPPED);
        }
        if (a == null) {
            return IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC); // nothing heard that says it is there
        }
        if (graceMillis > 0 && (!seenLive || clockMillis.getAsLong() - lastLiveMillis > graceMillis)) {
            return IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC);
        }
        return IntegrationStatus.up();
    }
}
