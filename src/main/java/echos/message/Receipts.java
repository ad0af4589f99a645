package echos.message;

import echos.conversation.Conversation;
import echos.conversation.ConversationAccess;
import echos.conversation.ConversationStore;
import echos.conversation.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.Optional;

/** Delivered and read positions: they only move forward, and every move is announced to the members. */
@ApplicationScoped
public class Receipts {

    private final ConversationAccess access;
    private final ConversationStore conversations;
    private final Event<ReceiptMoved> moves;

    public Receipts(ConversationAccess access, ConversationStore conversations, Event<ReceiptMoved> moves) {
        this.access = access;
        this.conversations = conversations;
        this.moves = moves;
    }

    public void delivered(String userId, String conversationId, long seq) {
        Conversation c = access.requireMember(conversationId, userId);
        announceIfMoved(c, userId, conversations.markDelivered(c.id(), userId, seq));
    }

    public void read(String userId, String conversationId, long seq) {
        Conversation c = access.requireMember(conversationId, userId);
        announceIfMoved(c, userId, conversations.markRead(c.id(), userId, seq));
    }

    private void announceIfMoved(Conversation c, String userId, Optional<Member> after) {
        Member before = c.member(userId).orElseThrow();
        after.filter(m -> m.deliveredSeq() != before.deliveredSeq() || m.readSeq() != before.readSeq())
                .ifPresent(m -> moves.fire(new ReceiptMoved(c.id(), userId, m.deliveredSeq(), m.readSeq(), c.memberIds())));
    }
}
