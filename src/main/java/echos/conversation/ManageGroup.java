package echos.conversation;

import echos.common.error.ApiException;
import echos.common.error.FieldErrors;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Group administration: rename, add and remove members, change roles, leave. Owners may do everything; admins
 * rename, add, and remove plain members; anyone may leave. Direct conversations never change members.
 */
@ApplicationScoped
public class ManageGroup {

    private final ConversationStore conversations;
    private final ConversationAccess access;
    private final UserStore users;
    private final Clock clock;
    private final Event<ConversationChanged> changes;
    private final Event<MemberRemoved> removals;
    private final GroupSize size;

    public ManageGroup(ConversationStore conversations, ConversationAccess access, UserStore users, Clock clock,
            Event<ConversationChanged> changes, Event<MemberRemoved> removals, GroupSize size) {
        this.size = size;
        this.conversations = conversations;
        this.access = access;
        this.users = users;
        this.clock = clock;
        this.changes = changes;
        this.removals = removals;
    }

    public Conversation rename(String callerId, String conversationId, String name) {
        Conversation c = managedGroup(callerId, conversationId);
        String trimmed = name == null ? null : name.strip();
        new FieldErrors().addIfPresent("name", GroupRules.nameProblem(trimmed)).throwIfAny();
        conversations.rename(c.id(), trimmed);
        return changed(c.id());
    }

    public Conversation addMembers(String callerId, String conversationId, List<String> userIds) {
        Conversation c = managedGroup(callerId, conversationId);
        Set<String> wanted = new LinkedHashSet<>(userIds == null ? List.of() : userIds);
        wanted.remove(null);
        wanted.removeAll(c.memberIds());
        if (users.findByIds(wanted).stream().map(User::id).distinct().count() != wanted.size()) {
            throw ApiException.validation(Map.of("userIds", "Some of these users do not exist."));
        }
        size.check("userIds", c.members().size() + wanted.size());
        conversations.addMembers(c.id(), wanted, Role.MEMBER, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        return changed(c.id());
    }

    public void removeMember(String callerId, String conversationId, String userId) {
        Conversation c = access.requireMember(conversationId, callerId);
        if (c.type() == ConversationType.DIRECT) {
            throw ApiException.validation(Map.of("userId", "Direct conversations cannot lose members."));
        }
        Member target = c.member(userId).orElseThrow(ApiException::notFound);
        Member caller = c.member(callerId).orElseThrow();
        boolean leaving = callerId.equals(userId);
        if (!leaving) {
            boolean allowed = caller.role() == Role.OWNER || caller.role() == Role.ADMIN && target.role() == Role.MEMBER;
            if (!allowed) {
                throw forbidden();
            }
        }
        conversations.removeMember(c.id(), userId);
        if (target.role() == Role.OWNER) {
            successor(c, userId).ifPresent(next -> conversations.setRole(c.id(), next.userId(), Role.OWNER));
        }
        removals.fire(new MemberRemoved(c.id(), userId));
        changed(c.id());
    }

    public Conversation setRole(String callerId, String conversationId, String userId, String role) {
        Conversation c = access.requireMember(conversationId, callerId);
        if (c.type() == ConversationType.DIRECT || c.member(callerId).orElseThrow().role() != Role.OWNER) {
            throw forbidden();
        }
        Member target = c.member(userId).orElseThrow(ApiException::notFound);
        Role wanted = "admin".equals(role) ? Role.ADMIN : "member".equals(role) ? Role.MEMBER : null;
        if (wanted == null) {
            throw ApiException.validation(Map.of("role", "Role must be admin or member."));
        }
        if (target.role() == Role.OWNER) {
            throw ApiException.validation(Map.of("role", "The owner's role cannot be changed."));
        }
        conversations.setRole(c.id(), userId, wanted);
        return changed(c.id());
    }

    private Conversation managedGroup(String callerId, String conversationId) {
        Conversation c = access.requireMember(conversationId, callerId);
        if (c.type() != ConversationType.GROUP || !c.member(callerId).orElseThrow().role().canManage()) {
            throw forbidden();
        }
        return c;
    }

    private static Optional<Member> successor(Conversation c, String leavingUserId) {
        return c.members().stream()
                .filter(m -> !m.userId().equals(leavingUserId))
                .min(Comparator.comparing((Member m) -> m.role() == Role.ADMIN ? 0 : 1).thenComparing(Member::joinedAt));
    }

    private Conversation changed(String conversationId) {
        Conversation after = conversations.find(conversationId).orElseThrow(ApiException::notFound);
        changes.fire(new ConversationChanged(after.id(), after.memberIds()));
        return after;
    }

    private static ApiException forbidden() {
        return new ApiException(403, "forbidden", "Only the group's owner or admins can do this.");
    }
}
