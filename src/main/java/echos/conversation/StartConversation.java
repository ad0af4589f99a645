package echos.conversation;

import echos.common.error.ApiException;
import echos.common.error.FieldErrors;
import echos.common.id.IdGenerator;
import echos.common.ratelimit.SendBudget;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opens the direct conversation between two people, or creates a group. */
@ApplicationScoped
public class StartConversation {

    private final ConversationStore conversations;
    private final UserStore users;
    private final IdGenerator ids;
    private final Clock clock;
    private final Event<ConversationChanged> changes;
    private final SendBudget budget;
    private final GroupSize size;

    public StartConversation(ConversationStore conversations, UserStore users, IdGenerator ids, Clock clock,
            Event<ConversationChanged> changes, SendBudget budget, GroupSize size) {
        this.budget = budget;
        this.size = size;
        this.conversations = conversations;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
        this.changes = changes;
    }

    public ConversationStore.DirectResult direct(String callerId, String otherUserId) {
        budget.take(callerId);
        if (otherUserId == null || otherUserId.isBlank()) {
            throw ApiException.validation(Map.of("userId", "Choose someone to talk to."));
        }
        if (otherUserId.equals(callerId)) {
            throw ApiException.validation(Map.of("userId", "You cannot start a direct conversation with yourself."));
        }
        if (users.findById(otherUserId).isEmpty()) {
            throw ApiException.validation(Map.of("userId", "No such user."));
        }
        ConversationStore.DirectResult result = conversations.findOrCreateDirect(ids.next(), callerId, otherUserId,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (result.created()) {
            changes.fire(new ConversationChanged(result.conversation().id(), result.conversation().memberIds()));
        }
        return result;
    }

    public Conversation group(String callerId, String name, List<String> memberIds) {
        budget.take(callerId);
        String trimmed = name == null ? null : name.strip();
        Set<String> members = new LinkedHashSet<>(memberIds == null ? List.of() : memberIds);
        members.remove(callerId);
        members.remove(null);
        FieldErrors errors = new FieldErrors().addIfPresent("name", GroupRules.nameProblem(trimmed));
        if (size.problem(members.size() + 1) != null) {
            errors.add("memberIds", size.problem(members.size() + 1));
        } else if (users.findByIds(members).stream().map(User::id).distinct().count() != members.size()) {
            errors.add("memberIds", "Some of these users do not exist.");
        }
        errors.throwIfAny();
        Conversation group = conversations.createGroup(ids.next(), trimmed, callerId, members, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        changes.fire(new ConversationChanged(group.id(), group.memberIds()));
        return group;
    }
}
