package echos.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import echos.auth.Session;
import echos.auth.SocketAuth;
import echos.realtime.CloseCodes;
import echos.realtime.EncodedFrame;
import echos.realtime.PeerLifecycle;
import echos.realtime.SerialQueue;
import echos.realtime.Transport;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * One client on the default namespace over one Engine.IO session: the Socket.IO side of the protocol (CONNECT with
 * its auth check, events with acks, DISCONNECT) and the {@link Transport} its peer writes through. An Echos frame
 * goes out as the event of its type with its data as the argument; a reply to an event the client sent with an ack
 * goes out as that ack, with {@code {"error": {...}}} when the frame was refused.
 */
final class SocketIoConnection implements Transport, EngineSession.Listener {

    private static final Logger LOG = Logger.getLogger(SocketIoConnection.class);
    private static final Runnable NOTHING = () -> { };

    /** What every connection uses; one per node. */
    record Services(SocketAuth auth, PeerLifecycle peers, ObjectMapper json, Executor workers, Vertx vertx,
            EngineSettings settings, EngineSessions sessions) {
    }

    private final EngineSession engine;
    private final String cookieToken;
    private final boolean chattyClient;
    private final Services services;
    private final SerialQueue inbound;
    private final String id = UUID.randomUUID().toString();
    private final long connectTimer;
    private volatile boolean connecting;
    private volatile boolean connected;
    private volatile boolean pendingReleased;
    private volatile ChattyEvents chatty;
    /** A binary event waiting for its attachments: how many are still to come (read on the event loop only). */
    private Long waitingAck;
    private int attachmentsLeft;
    private boolean waitingBinary;

    /** @param chattyClient whether the client identified itself as Chatty's does ({@code ?userId=}): it gets Chatty's events */
    SocketIoConnection(EngineSession engine, String cookieToken, boolean chattyClient, Services services) {
        this.engine = engine;
        this.cookieToken = cookieToken;
        this.chattyClient = chattyClient;
        this.services = services;
        this.inbound = new SerialQueue(services.workers());
        this.connectTimer = services.vertx().setTimer(services.settings().connectTimeoutMillis(), t -> {
            if (!connected) {
                engine.close("connect timeout");
            }
        });
        engine.listen(this);
    }

    // --- from the client -------------------------------------------------------------------------------------------

    @Override
    public void message(String text) {
        if (waitingBinary) {
            engine.close("parse error");
            return;
        }
        SocketIoPacket packet = SocketIoPacket.decode(text).orElse(null);
        if (packet == null) {
            engine.close("parse error");
            return;
        }
        switch (packet.type()) {
            case SocketIoPacket.CONNECT -> connect(packet);
            case SocketIoPacket.DISCONNECT -> engine.close("client namespace disconnect");
            case SocketIoPacket.EVENT -> {
                if (connected && SocketIoPacket.DEFAULT_NAMESPACE.equals(packet.namespace())) {
                    inbound.run(() -> event(packet));
                }
            }
            case SocketIoPacket.BINARY_EVENT, SocketIoPacket.BINARY_ACK -> awaitAttachments(packet);
            case SocketIoPacket.ACK -> { } // the server asks for no acks
            default -> engine.close("parse error");
        }
    }

    @Override
    public void binary(Buffer data) {
        if (!waitingBinary) {
            engine.close("parse error");
            return;
        }
        if (--attachmentsLeft == 0) {
            binaryDone();
        }
    }

    @Override
    public void pong() {
        if (connected) {
            services.peers().heard(id);
        }
    }

    @Override
    public void closed(String reason) {
        services.vertx().cancelTimer(connectTimer);
        releasePending();
        if (connected) {
            inbound.run(() -> services.peers().closed(id));
        }
        LOG.debugf("event=socketio_closed connection=%s reason=%s", id, reason);
    }

    private void connect(SocketIoPacket packet) {
        if (!SocketIoPacket.DEFAULT_NAMESPACE.equals(packet.namespace())) {
            engine.send("4" + SocketIoPacket.connectError(packet.namespace(), "\"Invalid namespace\""), NOTHING);
            return;
        }
        if (connected || connecting) {
            return;
        }
        connecting = true;
        String token = authToken(packet.json()).orElse(cookieToken);
        inbound.run(() -> authenticate(token));
    }

    private Optional<String> authToken(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        try {
            JsonNode token = services.json().readTree(payload).path("token");
            return token.isTextual() ? Optional.of(token.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private void authenticate(String token) {
        Session session = services.auth().live(token).orElse(null);
        if (session == null) {
            connecting = false;
            String why = token == null ? "Log in first: no session cookie and no auth token."
                    : "Session expired or ended: log in again.";
            engine.send("4" + SocketIoPacket.connectError(SocketIoPacket.DEFAULT_NAMESPACE, quote(why)), NOTHING);
            return;
        }
        if (engine.isClosed()) {
            return;
        }
        chatty = chattyClient ? new ChattyEvents(session.userId(), services.json()) : null;
        connected = true;
        services.vertx().cancelTimer(connectTimer);
        releasePending();
        engine.send("4" + SocketIoPacket.connected(id), NOTHING);
        services.peers().opened(this, session.userId(), session.id(), session.expiresAt());
        if (chatty != null) {
            engine.send("4" + chatty.start(), NOTHING);
        }
    }

    private void releasePending() {
        synchronized (this) {
            if (pendingReleased) {
                return;
            }
            pendingReleased = true;
        }
        services.sessions().releasePending();
    }

    private void event(SocketIoPacket packet) {
        JsonNode args = read(packet.json());
        if (args == null || !args.isArray() || args.isEmpty() || !args.get(0).isTextual()) {
            refuse(packet.ackId(), "malformed_frame", "Events are [\"name\", data].");
            return;
        }
        ObjectNode frame = services.json().createObjectNode();
        frame.put("type", args.get(0).asText());
        if (packet.ackId() != null) {
            frame.put("ref", packet.ackId().toString());
        }
        JsonNode data = args.get(1);
        frame.set("data", data != null && data.isObject() ? data : services.json().createObjectNode());
        services.peers().received(id, frame.toString());
    }

    private void awaitAttachments(SocketIoPacket packet) {
        if (packet.attachments() < 1) {
            engine.close("parse error");
            return;
        }
        waitingBinary = true;
        attachmentsLeft = packet.attachments();
        waitingAck = packet.type() == SocketIoPacket.BINARY_EVENT ? packet.ackId() : null;
    }

    /** Echos' events carry JSON only, so a binary event is read whole and then refused. */
    private void binaryDone() {
        waitingBinary = false;
        Long ackId = waitingAck;
        waitingAck = null;
        if (connected) {
            refuse(ackId, "binary_not_supported", "Echos events carry JSON; send images through POST /api/media.");
        }
    }

    private void refuse(Long ackId, String code, String message) {
        ObjectNode error = services.json().createObjectNode().put("code", code).put("message", message);
        String packet = ackId == null ? SocketIoPacket.event("\"error\"", error.toString())
                : SocketIoPacket.ack(ackId.toString(), "{\"error\":" + error + "}");
        engine.send("4" + packet, NOTHING);
    }

    private JsonNode read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return services.json().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String quote(String text) {
        try {
            return services.json().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- to the client (Transport) ---------------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isOpen() {
        return connected && !engine.isClosed();
    }

    @Override
    public void send(EncodedFrame frame, Runnable written) {
        OutboundText out = OutboundText.split(frame.text(), services.json()).orElse(null);
        if (out == null) {
            written.run();
            return;
        }
        String packet;
        if (out.ref() != null) {
            String data = out.data() == null ? "{}" : out.data();
            packet = SocketIoPacket.ack(out.ref(), "error".equals(out.type()) ? "{\"error\":" + data + "}" : data);
        } else {
            packet = SocketIoPacket.event(out.quotedType(), out.data());
        }
        engine.send("4" + packet, written);
        ChattyEvents events = chatty;
        if (events != null) {
            events.from(out).ifPresent(extra -> engine.send("4" + extra, NOTHING));
        }
    }

    /**
     * Tells the client why, then ends the session. A revoked or expired session and the socket cap end it with a
     * Socket.IO DISCONNECT, after which clients do not reconnect by themselves; anything else (a slow reader, idle)
     * only closes the transport, so the client reconnects and syncs.
     */
    @Override
    public void close(int code, String reason) {
        String why = services.json().createObjectNode().put("code", code).put("reason", reason).toString();
        engine.send("4" + SocketIoPacket.event("\"closing\"", why), NOTHING);
        boolean final_ = code == CloseCodes.SESSION_REVOKED || code == CloseCodes.SESSION_EXPIRED || code == CloseCodes.TOO_MANY_SOCKETS;
        engine.closeAfterFlush(final_ ? "4" + SocketIoPacket.disconnect() : null);
    }
}
