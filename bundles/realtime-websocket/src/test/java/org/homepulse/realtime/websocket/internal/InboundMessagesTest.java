package org.homepulse.realtime.websocket.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;

import javax.websocket.OnMessage;
import javax.websocket.server.ServerEndpoint;

import org.junit.Test;

public class InboundMessagesTest {

    private final InboundMessages inbound = new InboundMessages();

    @Test
    public void pingGetsPong() {
        assertEquals("{\"type\":\"pong\"}", inbound.onText("{\"type\":\"ping\"}").reply);
        assertEquals(InboundMessages.PONG, inbound.onText(" {\"type\" : \"ping\", \"id\": 7} ").reply);
    }

    @Test
    public void unknownTypeGetsAnErrorAndTheConnectionStays() {
        InboundMessages.Answer answer = inbound.onText("{\"type\":\"subscribe\"}");
        assertEquals("{\"type\":\"error\",\"error\":\"unknown_type\"}", answer.reply);
        assertFalse(answer.closeTooBig);
        assertSame(InboundMessages.Answer.UNKNOWN, inbound.onText("{\"type\":\"PING\"}"));
    }

    @Test
    public void garbageGetsInvalidMessage() {
        String invalid = "{\"type\":\"error\",\"error\":\"invalid_message\"}";
        for (String garbage : new String[] { "", "   ", "ping", "{", "[]", "\"ping\"", "42", "null",
                "{\"type\":1}", "{\"type\":null}", "{\"kind\":\"ping\"}", "{\"type\":\"ping\"} trailing",
                "{\"type\":\"ping\"}{\"type\":\"ping\"}", "\u0000\u0001", "{\"type\":[\"ping\"]}" }) {
            InboundMessages.Answer answer = inbound.onText(garbage);
            assertEquals("for " + garbage, invalid, answer.reply);
            assertFalse(answer.closeTooBig);
        }
        assertEquals(invalid, inbound.onText(null).reply);
        assertEquals(invalid, inbound.onBinary().reply);
    }

    @Test
    public void oversizedTextIsClosedNotParsed() {
        String big = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(InboundMessages.MAX_MESSAGE_BYTES) + "\"}";
        InboundMessages.Answer answer = inbound.onText(big);
        assertTrue(answer.closeTooBig);
        assertNull(answer.reply);
        String justFits = "{\"type\":\"ping\",\"pad\":\"" + "x".repeat(InboundMessages.MAX_MESSAGE_BYTES - 30) + "\"}";
        assertEquals(InboundMessages.PONG, inbound.onText(justFits).reply);
    }

    @Test
    public void theContainerEnforcesTheSameLimitOnTextAndBinary() throws Exception {
        Method text = SystemStatusEndpoint.class.getMethod("onText", String.class);
        Method binary = SystemStatusEndpoint.class.getMethod("onBinary", ByteBuffer.class);
        assertEquals(InboundMessages.MAX_MESSAGE_BYTES, text.getAnnotation(OnMessage.class).maxMessageSize());
        assertEquals(InboundMessages.MAX_MESSAGE_BYTES, binary.getAnnotation(OnMessage.class).maxMessageSize());
        ServerEndpoint endpoint = SystemStatusEndpoint.class.getAnnotation(ServerEndpoint.class);
        assertEquals("/ws/system", endpoint.value());
        assertSame(HandshakeCapture.class, endpoint.configurator());
    }
}
