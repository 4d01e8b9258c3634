package org.homepulse.realtime.websocket.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a client may say, and the answer. The only message is {@code ping}; the
 * rest gets an error message and the connection stays open, so a confused
 * client can recover. Stateless and thread-safe.
 */
final class InboundMessages {

    /** Largest inbound text frame, in bytes; Jetty closes the connection with 1009 above it. */
    static final int MAX_MESSAGE_BYTES = 4096;

    static final String PONG = "{\"type\":\"pong\"}";
    static final String UNKNOWN_TYPE = "{\"type\":\"error\",\"error\":\"unknown_type\"}";
    static final String INVALID_MESSAGE = "{\"type\":\"error\",\"error\":\"invalid_message\"}";

    /** The answer to one message: a reply to send, or a reason to close. */
    static final class Answer {
        static final Answer PONG_REPLY = new Answer(PONG, false);
        static final Answer UNKNOWN = new Answer(UNKNOWN_TYPE, false);
        static final Answer INVALID = new Answer(INVALID_MESSAGE, false);
        /** Only reached if the container's own limit did not apply. */
        static final Answer TOO_BIG = new Answer(null, true);

        final String reply;
        final boolean closeTooBig;

        private Answer(String reply, boolean closeTooBig) {
            this.reply = reply;
            this.closeTooBig = closeTooBig;
        }
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    Answer onText(String text) {
        if (text == null) {
            return Answer.INVALID;
        }
        // chars never outnumber UTF-8 bytes, so this cannot reject what the container accepted
        if (text.length() > MAX_MESSAGE_BYTES) {
            return Answer.TOO_BIG;
        }
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return Answer.INVALID;
        }
        if (message == null || !message.isObject()) {
            return Answer.INVALID;
        }
        JsonNode type = message.get("type");
        if (type == null || !type.isTextual()) {
            return Answer.INVALID;
        }
        return "ping".equals(type.textValue()) ? Answer.PONG_REPLY : Answer.UNKNOWN;
    }

    /** Binary frames are not part of the protocol. */
    Answer onBinary() {
        return Answer.INVALID;
    }
}
