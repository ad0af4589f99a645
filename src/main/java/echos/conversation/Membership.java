package echos.conversation;

import java.util.List;
import java.util.Set;

/** Who is in a conversation and what kind it is: all the send path needs to know, and so all it caches. */
public record Membership(String conversationId, ConversationType type, List<String> memberIds, Set<String> members) {

    public Membership {
        memberIds = List.copyOf(memberIds);
        members = Set.copyOf(members);
    }

    public static Membership of(Conversation conversation) {
        List<String> ids = conversation.memberIds();
        return new Membership(conversation.id(), conversation.type(), ids, Set.copyOf(ids));
    }

    public boolean hasMember(String userId) {
        return members.contains(userId);
    }
}
