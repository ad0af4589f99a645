package echos.realtime;

import echos.common.ratelimit.Buckets;
import echos.common.ratelimit.BucketsFactory;
import echos.conversation.Conversation;
import echos.conversation.ConversationAccess;
import echos.presence.PresenceAudience;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/**
 * typing frames: relayed to the other members who may see the typist's presence, at most once per user and
 * conversation per second after a burst of two.
 */
@ApplicationScoped
public class TypingFrames {

    private final ConversationAccess access;
    private final Fanout fanout;
    private final PresenceAudience audience;
    private final Buckets relays;

    public TypingFrames(ConversationAccess access, Fanout fanout, PresenceAudience audience, BucketsFactory buckets) {
        this.access = access;
        this.fanout = fanout;
        this.audience = audience;
        // a burst of 2: typing again right after sending (the client then announces at once) is not swallowed
        this.relays = buckets.create("typing", 2, 1.0);
    }

    void typing(Peer peer, InboundFrame frame) {
        Conversation c = access.requireMember(frame.text("conversationId"), peer.userId());
        if (!relays.tryTake(peer.userId() + '\u0000' + c.id())) {
            return;
        }
        List<String> watchers = audience.watchersAmong(peer.userId(), c);
        fanout.toUsers(watchers, OutboundFrame.of("typing", Map.of("conversationId", c.id(), "userId", peer.userId())));
    }
}
