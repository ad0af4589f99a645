package echos.realtime;

import echos.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Handles one client frame: decodes it and hands it to the handler for its type. Refusals become an error frame
 * on the sending socket, which stays open.
 */
@ApplicationScoped
public class FrameDispatcher {

    private static final Logger LOG = Logger.getLogger(FrameDispatcher.class);

    private final FrameCodec codec;
    private final MessageFrames messages;
    private final TypingFrames typing;
    private final ReceiptFrames receipts;
    private final SyncFrames sync;

    public FrameDispatcher(FrameCodec codec, MessageFrames messages, TypingFrames typing, ReceiptFrames receipts, SyncFrames sync) {
        this.codec = codec;
        this.messages = messages;
        this.typing = typing;
        this.receipts = receipts;
        this.sync = sync;
    }

    void handle(Peer peer, String text) {
        InboundFrame frame = codec.decode(text).orElse(null);
        if (frame == null) {
            reply(peer, OutboundFrame.error(null, "malformed_frame", "Frames are JSON objects with a string \"type\"."));
            return;
        }
        try {
            switch (frame.type()) {
                case "message.send" -> messages.send(peer, frame);
                case "message.edit" -> messages.edit(peer, frame);
                case "message.delete" -> messages.delete(peer, frame);
                case "reaction.add" -> messages.react(peer, frame, true);
                case "reaction.remove" -> messages.react(peer, frame, false);
                case "typing" -> typing.typing(peer, frame);
                case "delivered" -> receipts.delivered(peer, frame);
                case "read" -> receipts.read(peer, frame);
                case "sync" -> sync.sync(peer, frame);
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

    private static Map<String, Object> errorData(ApiException e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", e.code());
        data.put("message", e.getMessage());
        if (!e.fields().isEmpty()) {
            data.put("fields", e.fields());
        }
        if (e.retryAfterSeconds() > 0) {
            data.put("retryAfter", e.retryAfterSeconds());
        }
        return data;
    }

    private void reply(Peer peer, OutboundFrame frame) {
        peer.send(codec.encode(frame));
    }
}
