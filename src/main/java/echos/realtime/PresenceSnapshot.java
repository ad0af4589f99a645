package echos.realtime;

import echos.conversation.ConversationStore;
import echos.presence.PresenceAudience;
import echos.presence.PresenceShown;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells a socket that just opened who of the user's contacts is online, and when the others were last seen.
 * Contacts who hide their presence are sent as offline with no last-seen time, so a reconnecting client drops
 * whatever it showed of them before.
 */
@ApplicationScoped
public class PresenceSnapshot {

    private final PresenceAudience audience;
    private final ConversationStore conversations;
    private final UserStore users;
    private final FrameCodec codec;

    public PresenceSnapshot(PresenceAudience audience, ConversationStore conversations, UserStore users, FrameCodec codec) {
        this.audience = audience;
        this.conversations = conversations;
        this.users = users;
        this.codec = codec;
    }

    void sendTo(Peer peer) {
        for (User contact : users.findByIds(conversations.contactsOf(peer.userId()))) {
            PresenceShown shown = audience.shownTo(true, contact);
            peer.send(codec.encode(PresenceEvents.frame(contact.id(), shown)));
        }
    }
}
