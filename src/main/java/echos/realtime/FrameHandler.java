package echos.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import echos.common.error.ApiException;
import echos.common.ratelimit.TokenBuckets;
import echos.conversation.Conversation;
import echos.conversation.ConversationAccess;
import echos.conversation.ConversationStore;
import echos.message.ChangeMessage;
import echos.message.Message;
import echos.message.MessageHistory;
import echos.message.MessageStore;
import echos.message.Receipts;
import echos.message.SendMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Handles one client frame: decodes it, applies the socket's limits, calls the same application services as the
 * HTTP API, and answers the sending socket. Refusals become an error frame; the socket stays open.
 */
@ApplicationScoped
public class FrameHandler {

    private static final Logger LOG = Logger.getLogger(FrameHandler.class);
    static final int SYNC_PAGE = 200;

    private final FrameCodec codec;
    private final SendMessage sendMessage;
    private final MessageHistory history;
    private final Receipts receipts;
    private final ConversationAccess access;
    private final Fanout fanout;
    private final TokenBuckets sends;
    /** At most one relayed typing event per user and conversation per second, whatever the client sends. */
    private final TokenBuckets typingRelays;
    private final ChangeMessage changeMessage;
    private final ConversationStore conversations;

    public FrameHandler(FrameCodec codec, SendMessage sendMessage, MessageHistory history, Receipts receipts,
            ConversationAccess access, Fanout fanout, Clock clock, ChangeMessage changeMessage, ConversationStore conversations,
            @ConfigProperty(name = "echos.ws.send-burst") int sendBurst,
            @ConfigProperty(name = "echos.ws.send-per-second") double sendPerSecond) {
        this.codec = codec;
        this.changeMessage = changeMessage;
        this.conversations = conversations;
        this.sendMessage = sendMessage;
        this.history = history;
        this.receipts = receipts;
        this.access = access;
        this.fanout = fanout;
        this.sends = new TokenBuckets(clock, sendBurst, sendPerSecond);
        this.typingRelays = new TokenBuckets(clock, 1, 1.0);
    }

    void handle(Peer peer, String text) {
        InboundFrame frame = codec.decode(text).orElse(null);
        if (frame == null) {
            reply(peer, OutboundFrame.error(null, "malformed_frame", "Frames are JSON objects with a string \"type\"."));
            return;
        }
        try {
            switch (frame.type()) {
                case "message.send" -> send(peer, frame);
                case "message.edit" -> changed(peer, frame, changeMessage.edit(peer.userId(), frame.text("conversationId"),
                        frame.text("messageId"), frame.text("text"), peer.id()));
                case "message.delete" -> changed(peer, frame, changeMessage.delete(peer.userId(), frame.text("conversationId"),
                        frame.text("messageId"), peer.id()));
                case "typing" -> typing(peer, frame);
                case "delivered" -> receipts.delivered(peer.userId(), frame.text("conversationId"), seq(frame));
                case "read" -> receipts.read(peer.userId(), frame.text("conversationId"), seq(frame));
                case "sync" -> sync(peer, frame);
                case "ping" -> reply(peer, OutboundFrame.reply("pong", frame.ref(), Map.of()));
                default -> reply(peer, OutboundFrame.error(frame.ref(), "unknown_type", "Unknown frame type."));
            }
        } catch (ApiException e) {
            reply(peer, new OutboundFrame("error", frame.ref(), errorData(e)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "event=socket_frame_failed type=%s user=%s", frame.type(), peer.userId());
            reply(peer, OutboundFrame.error(frame.ref(), "internal_error", "Something went wrong."));
        }
    }

    private void send(Peer peer, InboundFrame frame) {
        if (!sends.tryTake(peer.userId())) {
            throw new ApiException(429, "rate_limited", "You are sending too fast; wait a moment.");
        }
        MessageStore.Appended appended = sendMessage.send(peer.userId(), frame.text("conversationId"), frame.text("clientId"),
                frame.text("text"), frame.text("imageId"), peer.id());
        Message message = appended.message();
        reply(peer, OutboundFrame.reply("message.ack", frame.ref(), Map.of("clientId", message.clientId(), "message", message)));
    }

    private void changed(Peer peer, InboundFrame frame, Message message) {
        reply(peer, OutboundFrame.reply("message.updated", frame.ref(), Map.of("message", message, "changeSeq", message.changeSeq())));
    }

    private void typing(Peer peer, InboundFrame frame) {
        Conversation c = access.requireMember(frame.text("conversationId"), peer.userId());
        if (!typingRelays.tryTake(peer.userId() + '\u0000' + c.id())) {
            return;
        }
        List<String> others = c.memberIds().stream().filter(id -> !id.equals(peer.userId())).toList();
        fanout.toUsers(others, OutboundFrame.of("typing", Map.of("conversationId", c.id(), "userId", peer.userId())));
    }

    private void sync(Peer peer, InboundFrame frame) {
        JsonNode positions = frame.node("positions");
        if (positions == null || !positions.isObject()) {
            throw ApiException.validation(Map.of("positions", "positions must be an object of conversationId to last seq."));
        }
        Map<String, Long> reached = new LinkedHashMap<>();
        Map<String, Long> changesReached = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = positions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode position = entry.getValue();
            long seq = Math.max(0, position.isObject() ? position.path("seq").asLong(0) : position.asLong(0));
            Long change = position.isObject() && position.has("change") ? Math.max(0, position.path("change").asLong(0)) : null;
            try {
                while (true) {
                    List<Message> page = history.after(peer.userId(), entry.getKey(), seq, SYNC_PAGE);
                    for (Message m : page) {
                        reply(peer, OutboundFrame.of("message.new", Map.of("message", m)));
                        seq = m.seq();
                    }
                    if (page.size() < SYNC_PAGE) {
                        break;
                    }
                }
                reached.put(entry.getKey(), seq);
                changesReached.put(entry.getKey(), replayChanges(peer, entry.getKey(), change));
            } catch (ApiException notAMember) {
                // left out of sync.done: the client learns from the conversation list that it is gone
            }
        }
        reply(peer, OutboundFrame.reply("sync.done", frame.ref(), Map.of("positions", reached, "changes", changesReached)));
    }

    /** Sends every edit and delete after the client's change position, in order; returns the new position. */
    private long replayChanges(Peer peer, String conversationId, Long after) {
        long position = after == null ? conversations.lastChangeOf(conversationId) : after;
        if (after == null) {
            return position;
        }
        while (true) {
            List<MessageStore.Change> page = history.changesAfter(peer.userId(), conversationId, position, SYNC_PAGE);
            for (MessageStore.Change change : page) {
                reply(peer, OutboundFrame.of("message.updated", Map.of("message", change.message(), "changeSeq", change.changeSeq())));
                position = change.changeSeq();
            }
            if (page.size() < SYNC_PAGE) {
                return position;
            }
        }
    }

    private static long seq(InboundFrame frame) {
        Long seq = frame.number("seq");
        if (seq == null || seq < 0) {
            throw ApiException.validation(Map.of("seq", "seq must be a number of 0 or more."));
        }
        return seq;
    }

    private static Map<String, Object> errorData(ApiException e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", e.code());
        data.put("message", e.getMessage());
        if (!e.fields().isEmpty()) {
            data.put("fields", e.fields());
        }
        return data;
    }

    private void reply(Peer peer, OutboundFrame frame) {
        peer.send(codec.encode(frame));
    }
}
