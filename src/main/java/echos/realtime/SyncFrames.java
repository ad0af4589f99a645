package echos.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import echos.common.error.ApiException;
import echos.conversation.ConversationStore;
import echos.message.Message;
import echos.message.MessageHistory;
import echos.message.MessageStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sync frames: replays what a client missed after its positions (messages, then edits and deletes), then sync.done. */
@ApplicationScoped
public class SyncFrames {

    static final int SYNC_PAGE = 200;

    private final FrameCodec codec;
    private final MessageHistory history;
    private final ConversationStore conversations;

    public SyncFrames(FrameCodec codec, MessageHistory history, ConversationStore conversations) {
        this.codec = codec;
        this.history = history;
        this.conversations = conversations;
    }

    void sync(Peer peer, InboundFrame frame) {
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

    private void reply(Peer peer, OutboundFrame frame) {
        peer.send(codec.encode(frame));
    }
}
