package echos.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The packet layouts of the Socket.IO protocol v5 document, and the split of Echos' outbound frame text. */
class SocketIoPacketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void decodesEachLayoutOfTheProtocolDocument() {
        SocketIoPacket connect = SocketIoPacket.decode("0{\"token\":\"t\"}").orElseThrow();
        assertEquals(SocketIoPacket.CONNECT, connect.type());
        assertEquals("/", connect.namespace());
        assertEquals("{\"token\":\"t\"}", connect.json());

        SocketIoPacket admin = SocketIoPacket.decode("0/admin,").orElseThrow();
        assertEquals("/admin", admin.namespace());
        assertNull(admin.json());

        SocketIoPacket event = SocketIoPacket.decode("212[\"hello\",1]").orElseThrow();
        assertEquals(SocketIoPacket.EVENT, event.type());
        assertEquals(12L, event.ackId());
        assertEquals("[\"hello\",1]", event.json());

        SocketIoPacket inNamespace = SocketIoPacket.decode("2/admin,456[\"project:delete\",123]").orElseThrow();
        assertEquals("/admin", inNamespace.namespace());
        assertEquals(456L, inNamespace.ackId());

        SocketIoPacket binary = SocketIoPacket.decode("51-[\"hello\",{\"_placeholder\":true,\"num\":0}]").orElseThrow();
        assertEquals(SocketIoPacket.BINARY_EVENT, binary.type());
        assertEquals(1, binary.attachments());
        assertNull(binary.ackId());

        assertEquals(SocketIoPacket.DISCONNECT, SocketIoPacket.decode("1").orElseThrow().type());
    }

    @Test
    void refusesWhatIsNoPacket() {
        assertTrue(SocketIoPacket.decode("").isEmpty());
        assertTrue(SocketIoPacket.decode("7[]").isEmpty());
        assertTrue(SocketIoPacket.decode("x").isEmpty());
        assertTrue(SocketIoPacket.decode("5[\"no attachment count\"]").isEmpty());
        assertTrue(SocketIoPacket.decode("21234567890123456[\"ack id too long\"]").isEmpty());
    }

    @Test
    void encodesWhatTheServerSends() {
        assertEquals("2[\"message.new\",{\"a\":1}]", SocketIoPacket.event("\"message.new\"", "{\"a\":1}"));
        assertEquals("2[\"sync.needed\"]", SocketIoPacket.event("\"sync.needed\"", null));
        assertEquals("37[{}]", SocketIoPacket.ack("7", "{}"));
        assertEquals("0{\"sid\":\"abc\"}", SocketIoPacket.connected("abc"));
        assertEquals("4{\"message\":\"no\"}", SocketIoPacket.connectError("/", "\"no\""));
        assertEquals("4/admin,{\"message\":\"no\"}", SocketIoPacket.connectError("/admin", "\"no\""));
    }

    @Test
    void splitsOutboundFramesWithoutParsingTheirData() {
        OutboundText reply = OutboundText.split("{\"type\":\"message.ack\",\"ref\":\"17\",\"data\":{\"x\":\"}\"}}", JSON).orElseThrow();
        assertEquals("message.ack", reply.type());
        assertEquals("17", reply.ref());
        assertEquals("{\"x\":\"}\"}", reply.data());

        OutboundText event = OutboundText.split("{\"type\":\"presence\",\"data\":{\"online\":true}}", JSON).orElseThrow();
        assertNull(event.ref());
        assertEquals("{\"online\":true}", event.data());

        OutboundText quoted = OutboundText.split("{\"type\":\"a\\\"b\",\"data\":[]}", JSON).orElseThrow();
        assertEquals("\"a\\\"b\"", quoted.quotedType());

        OutboundText reordered = OutboundText.split("{\"data\":{\"k\":1},\"type\":\"t\",\"ref\":\"3\"}", JSON).orElseThrow();
        assertEquals("t", reordered.type());
        assertEquals("3", reordered.ref());
        assertEquals("{\"k\":1}", reordered.data());

        assertTrue(OutboundText.split("[1,2]", JSON).isEmpty());
    }
}
