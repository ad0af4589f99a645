package echos.realtime;

import echos.common.error.ApiException;
import echos.common.ratelimit.TokenBuckets;
import echos.message.ChangeMessage;
import echos.message.Message;
import echos.message.MessageStore;
import echos.message.SendMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** message.send, message.edit and message.delete frames: the same services as the HTTP API, answered on the socket. */
@ApplicationScoped
public class MessageFrames {

    private final FrameCodec codec;
    private final SendMessage sendMessage;
    private final ChangeMessage changeMessage;
    private final TokenBuckets sends;

    public MessageFrames(FrameCodec codec, SendMessage sendMessage, ChangeMessage changeMessage, Clock clock,
            @ConfigProperty(name = "echos.ws.send-burst") int sendBurst,
            @ConfigProperty(name = "echos.ws.send-per-second") double sendPerSecond) {
        this.codec = codec;
        this.sendMessage = sendMessage;
        this.changeMessage = changeMessage;
        this.sends = new TokenBuckets(clock, sendBurst, sendPerSecond);
    }

    void send(Peer peer, InboundFrame frame) {
        if (!sends.tryTake(peer.userId())) {
            throw new ApiException(429, "rate_limited", "You are sending too fast; wait a moment.");
        }
        MessageStore.Appended appended = sendMessage.send(peer.userId(), frame.text("conversationId"), frame.text("clientId"),
                frame.text("text"), frame.text("imageId"), peer.id());
        Message message = appended.message();
        peer.send(codec.encode(OutboundFrame.reply("message.ack", frame.ref(), Map.of("clientId", message.clientId(), "message", message))));
    }

    void edit(Peer peer, InboundFrame frame) {
        changed(peer, frame, changeMessage.edit(peer.userId(), frame.text("conversationId"), frame.text("messageId"),
                frame.text("text"), peer.id()));
    }

    void delete(Peer peer, InboundFrame frame) {
        changed(peer, frame, changeMessage.delete(peer.userId(), frame.text("conversationId"), frame.text("messageId"), peer.id()));
    }

    private void changed(Peer peer, InboundFrame frame, Message message) {
        peer.send(codec.encode(OutboundFrame.reply("message.updated", frame.ref(),
                Map.of("message", message, "changeSeq", message.changeSeq()))));
    }
}
