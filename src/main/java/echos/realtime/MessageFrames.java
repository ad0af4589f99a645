package echos.realtime;

import echos.message.ChangeMessage;
import echos.message.Message;
import echos.message.MessageStore;
import echos.message.ReactToMessage;
import echos.message.SendMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * message.send, message.edit, message.delete, reaction.add and reaction.remove frames: the same services as the HTTP API, answered on the socket.
 * Those services take from the account's one send budget, so a refusal arrives here as an error frame rate_limited.
 */
@ApplicationScoped
public class MessageFrames {

    private final FrameCodec codec;
    private final SendMessage sendMessage;
    private final ChangeMessage changeMessage;
    private final ReactToMessage reactToMessage;

    public MessageFrames(FrameCodec codec, SendMessage sendMessage, ChangeMessage changeMessage, ReactToMessage reactToMessage) {
        this.reactToMessage = reactToMessage;
        this.codec = codec;
        this.sendMessage = sendMessage;
        this.changeMessage = changeMessage;
    }

    void send(Peer peer, InboundFrame frame) {
        MessageStore.Appended appended = sendMessage.send(peer.userId(), frame.text("conversationId"), frame.text("clientId"),
                frame.text("text"), frame.text("imageId"), frame.text("replyTo"), peer.id());
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

    void react(Peer peer, InboundFrame frame, boolean add) {
        changed(peer, frame, reactToMessage.react(peer.userId(), frame.text("conversationId"), frame.text("messageId"),
                frame.text("emoji"), add, peer.id()));
    }

    private void changed(Peer peer, InboundFrame frame, Message message) {
        peer.send(codec.encode(OutboundFrame.reply("message.updated", frame.ref(),
                Map.of("message", message, "changeSeq", message.changeSeq()))));
    }
}
