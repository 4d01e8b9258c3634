package org.homepulse.integration.zigbee2mqtt.internal;

import java.util.function.LongSupplier;
import org.homepulse.mqtt.MqttMessage;
import org.homepulse.mqtt.integration.MqttLiveness;
import org.homepulse.mqtt.integration.RateLimitedLog;
import org.homepulse.mqtt.integration.TopicTreeSettings;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;

/**
 * What we know about the bridge from its traffic: the last announced
 * {@code bridge/state} and when it last said anything live. Time-derived parts
 * are computed on read from a monotonic clock, so the aggregator's tick flips
 * "alive" to "silent" without a timer here.
 *
 * <p>Only non-retained messages prove liveness: a retained message is the
 * broker replaying the past after we (re)subscribed.
 */
final class BridgeLiveness implements MqttLiveness<TopicTreeSettings> {

    private final LongSupplier clockMillis;
    private final RateLimitedLog badInput;
    private volatile BridgeStatePayload.State bridgeState;  // null: never announced
    private volatile long lastLiveMillis;
    private volatile boolean seenLive;

    BridgeLiveness(LongSupplier clockMillis, RateLimitedLog badInput) {
        this.clockMillis = clockMillis;
        this.badInput = badInput;
    }

    @Override
    public void record(TopicTreeSettings s, MqttMessage message) {
        if (!s.covers(message.topic())) {
            return; // from a base topic we just left
        }
        BridgeStatePayload.State state = null;
        if (message.topic().equals(s.topicRoot() + "/bridge/state")) {
            state = BridgeStatePayload.parse(message.payload());
            if (state == null) {
                // Never the payload itself: it is not ours to copy into logs.
                badInput.warn("bridge/state", "Ignoring a Zigbee2MQTT bridge/state payload that is neither "
                        + "online/offline nor {\"state\":...} (" + message.payloadLength() + " bytes)");
            }
        }
        record(message, state);
    }

    /** Records one message under the base topic; {@code state} is its parsed bridge state, if it is bridge/state. */
    private void record(MqttMessage message, BridgeStatePayload.State state) {
        if (state != null) {
            bridgeState = state;
        }
        // A live "offline" is the last will: the opposite of liveness.
        if (!message.retained() && state != BridgeStatePayload.State.OFFLINE) {
            lastLiveMillis = clockMillis.getAsLong();
            seenLive = true;
        }
    }

    /** The last announced bridge state, {@code null} if none yet (for tests and diagnostics). */
    BridgeStatePayload.State bridgeState() {
        return bridgeState;
    }

    /** The MQTT session ended: what we hear after the next connect starts from scratch. */
    @Override
    public void forgetLiveness() {
        seenLive = false;
    }

    /** Forgets everything (the base topic changed). */
    @Override
    public void reset() {
        bridgeState = null;
        seenLive = false;
    }

    @Override
    public IntegrationStatus status(TopicTreeSettings s) {
        if (bridgeState == BridgeStatePayload.State.OFFLINE) {
            return IntegrationStatus.down(Reason.BRIDGE_OFFLINE);
        }
        if (!seenLive || clockMillis.getAsLong() - lastLiveMillis > s.graceMillis()) {
            return IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC);
        }
        return IntegrationStatus.up();
    }
}
