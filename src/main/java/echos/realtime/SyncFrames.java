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

/**
 * sync frames: replays what a client missed after its positions (per conversation its messages, then its edits and
 * deletes), one page per request, then sync.done with the positions reached. When the page filled up before the
 * backlog ended, sync.done says {@code more: true} and the client asks again from those positions; so no more than a
 * page ever waits in a socket's outbound queue, however far behind the client is.
 */
@ApplicationScoped
public class SyncFrames {

    /** Frames per page at most; also at most half the socket's frame bound. */
    static final int SYNC_PAGE = 200;

    private final FrameCodec codec;
    private final MessageHistory history;
    private final ConversationStore conversations;

    public SyncFrames(FrameCodec codec, MessageHistory history, ConversationStore conversations) {
        this.codec = codec;
        this.history = history;
        this.conversations = conversations;
    }

    /** What one sync reply may still send: frames, and UTF-8 bytes (a quarter of the socket's byte bound). */
    private static final class Page {
        private int frames;
        private long bytes;
        private boolean started;

        Page(OutboundLimit limit) {
            frames = Math.max(1, Math.min(SYNC_PAGE, limit.frames() / 2));
            bytes = Math.max(1, limit.bytes() / 4);
        }

        boolean full() {
            return frames <= 0 || bytes <= 0;
        }

        /** Whether text fits; the first frame of a page always does, so a page never comes back empty. */
        boolean take(String text) {
            long length = Peer.utf8Length(text);
            if (started && length > bytes) {
                bytes = 0;
                return false;
            }
            started = true;
            frames--;
            bytes -= length;
            return true;
        }
    }

    void sync(Peer peer, InboundFrame frame) {
        JsonNode positions = frame.node("positions");
        if (positions == null || !positions.isObject()) {
            throw ApiException.validation(Map.of("positions", "positions must be an object of conversationId to last seq."));
        }
        Page page = new Page(peer.limit());
        Map<String, Long> reached = new LinkedHashMap<>();
        Map<String, Long> changesReached = new LinkedHashMap<>();
        boolean more = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = positions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String conversationId = entry.getKey();
            JsonNode position = entry.getValue();
            long seq = Math.max(0, position.isObject() ? position.path("seq").asLong(0) : position.asLong(0));
            Long change = position.isObject() && position.has("change") ? Math.max(0, position.path("change").asLong(0)) : null;
            try {
                Replayed messages = replayMessages(peer, conversationId, seq, page);
                reached.put(conversationId, messages.position());
                if (!messages.complete()) {
                    more = true;
                    // edits and deletes come after the messages they concern: next time
                    changesReached.put(conversationId, change == null ? conversations.lastChangeOf(conversationId) : change);
                    continue;
                }
                if (change == null) {
                    changesReached.put(conversationId, conversations.lastChangeOf(conversationId));
                    continue;
                }
                Replayed changes = replayChanges(peer, conversationId, change, page);
                changesReached.put(conversationId, changes.position());
                more |= !changes.complete();
            } catch (ApiException notAMember) {
                // left out of sync.done: the client learns from the conversation list that it is gone
            }
        }
        reply(peer, OutboundFrame.reply("sync.done", frame.ref(),
                Map.of("positions", reached, "changes", changesReached, "more", more)));
    }

    /** Where a replay got to, and whether it reached the end. */
    private record Replayed(long position, boolean complete) {
    }

    private Replayed replayMessages(Peer peer, String conversationId, long seq, Page page) {
        // membership is checked even when the page is full, so non-members are left out of every sync.done
        List<Message> found = history.after(peer.userId(), conversationId, seq, page.full() ? 1 : page.frames + 1);
        for (Message m : found) {
            if (page.full()) {
                return new Replayed(seq, false);
            }
            String text = codec.encode(OutboundFrame.of("message.new", Map.of("message", m)));
            if (!page.take(text)) {
                return new Replayed(seq, false);
            }
            peer.send(text);
            seq = m.seq();
        }
        return new Replayed(seq, true);
    }

    /** Sends the edits and deletes after the client's change position, in order, as far as the page allows. */
    private Replayed replayChanges(Peer peer, String conversationId, long after, Page page) {
        long position = after;
        List<MessageStore.Change> found = history.changesAfter(peer.userId(), conversationId, position,
                page.full() ? 1 : page.frames + 1);
        for (MessageStore.Change change : found) {
            if (page.full()) {
                return new Replayed(position, false);
            }
            String text = codec.encode(OutboundFrame.of("message.updated",
                    Map.of("message", change.message(), "changeSeq", change.changeSeq())));
            if (!page.take(text)) {
                return new Replayed(position, false);
            }
            peer.send(text);
            position = change.changeSeq();
        }
        return new Replayed(position, true);
    }

    private void reply(Peer peer, OutboundFrame frame) {
        peer.send(codec.encode(frame));
    }
}
