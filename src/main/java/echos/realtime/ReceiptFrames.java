package echos.realtime;

import echos.common.error.ApiException;
import echos.message.Receipts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** delivered and read frames: move the caller's receipt positions. */
@ApplicationScoped
public class ReceiptFrames {

    private final Receipts receipts;

    public ReceiptFrames(Receipts receipts) {
        this.receipts = receipts;
    }

    void delivered(Peer peer, InboundFrame frame) {
        receipts.delivered(peer.userId(), frame.text("conversationId"), seq(frame));
    }

    void read(Peer peer, InboundFrame frame) {
        receipts.read(peer.userId(), frame.text("conversationId"), seq(frame));
    }

    private static long seq(InboundFrame frame) {
        Long seq = frame.number("seq");
        if (seq == null || seq < 0) {
            throw ApiException.validation(Map.of("seq", "seq must be a number of 0 or more."));
        }
        return seq;
    }
}
