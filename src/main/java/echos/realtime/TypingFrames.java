package echos.realtime;

import echos.common.ratelimit.TokenBuckets;
import echos.conversation.Conversation;
import echos.conversation.ConversationAccess;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** typing frames: relayed to the other members, at most once per user and conversation per second. */
@ApplicationScoped
public class TypingFrames {

    private final ConversationAccess access;
    private final Fanout fanout;
    private final TokenBuckets relays;

    public TypingFrames(ConversationAccess access, Fanout fanout, Clock clock) {
        this.access = access;
        this.fanout = fanout;
        this.relays = new TokenBuckets(clock, 1, 1.0);
    }

    void typing(Peer peer, InboundFrame frame) {
        Conversation c = access.requireMember(frame.text("conversationId"), peer.userId());
        if (!relays.tryTake(peer.userId() + '\u0000' + c.id())) {
            return;
        }
        List<String> others = c.memberIds().stream().filter(id -> !id.equals(peer.userId())).toList();
        fanout.toUsers(others, OutboundFrame.of("typing", Map.of("conversationId", c.id(), "userId", peer.userId())));
    }
}
