package org.homepulse.mqtt.integration;

/**
 * The settings of an integration that watches one MQTT topic tree ({@code <root>/#}):
 * switched on or off, the tree's root, and a grace window for "heard from lately".
 * Immutable; made by a {@link TopicTreeSettingsParser}.
 */
public final class TopicTreeSettings implements MqttIntegrationSettings {

    private final boolean enabled;
    private final String topicRoot;
    private final long graceMillis;
    private final String problem;

    TopicTreeSettings(boolean enabled, String topicRoot, long graceMillis, String problem) {
        this.enabled = enabled;
        this.topicRoot = topicRoot;
        this.graceMillis = graceMillis;
        this.problem = problem;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String problem() {
        return problem;
    }

    /** {@code true} when {@link #problem()} is {@code null}. */
    public boolean valid() {
        return problem == null;
    }

    /** The root of the tree, without a trailing {@code /}; {@code null} when invalid. */
    public String topicRoot() {
        return topicRoot;
    }

    /** The grace window in milliseconds; 0 when the configuration has none or is invalid. */
    public long graceMillis() {
        return graceMillis;
    }

    /** {@code <root>/#}, or {@code null} when invalid. */
    @Override
    public String topicFilter() {
        return topicRoot == null ? null : topicRoot + "/#";
    }

    /** Whether {@code topic} lies in the tree; {@code false} for every topic when invalid. */
    public boolean covers(String topic) {
        return topicRoot != null && topic.startsWith(topicRoot + "/");
    }

    @Override
    public String toString() {
        return "TopicTreeSettings[enabled=" + enabled + ", topicRoot=" + topicRoot + ", graceMillis=" + graceMillis
                + ", problem=" + problem + "]";
    }
}
