package echos.realtime;

import echos.conversation.ConversationStore;
import echos.presence.PresenceRegistry;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;

/** Tells a socket that just opened who of the user's contacts is online, and when the others were last seen. */
@ApplicationScoped
public class PresenceSnapshot {

    private final PresenceRegistry presence;
    private final ConversationStore conversations;
    private final UserStore users;
    private final FrameCodec codec;

    public PresenceSnapshot(PresenceRegistry presence, ConversationStore conversations, UserStore users, FrameCodec codec) {
        this.presence = presence;
        this.conversations = conversations;
        this.users = users;
        this.codec = codec;
    }

    void sendTo(Peer peer) {
        for (User contact : users.findByIds(conversations.contactsOf(peer.userId()))) {
            boolean online = presence.isOnline(contact.id());
            Object lastSeen = online ? null : presence.lastSeenAt(contact.id()).orElse(contact.lastSeenAt());
            peer.send(codec.encode(OutboundFrame.of("presence", RealtimeEvents.presence(contact.id(), online, lastSeen))));
        }
    }
}
