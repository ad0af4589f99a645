package echos.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import echos.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The members of recently used conversations, so a send does not read them from the database each time. Every
 * membership change forgets the conversation here at once ({@link ConversationChanged} is fired for each) and on the
 * other nodes when their broker tells them (see {@code BrokerFanout}); a node that may have missed broadcasts forgets
 * everything. Entries also expire, as a backstop. Bounded by the number of member ids held, so large groups weigh
 * what they cost.
 */
@ApplicationScoped
public class MembershipCache {

    private final ConversationStore conversations;
    private final Cache<String, Membership> cache;

    public MembershipCache(ConversationStore conversations, @ConfigProperty(name = "echos.membership-cache.max-members") long maxMembers,
            @ConfigProperty(name = "echos.membership-cache.ttl") Duration ttl) {
        this.conversations = conversations;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxMembers)
                .weigher((String id, Membership m) -> 1 + m.memberIds().size())
                .expireAfterWrite(ttl)
                .executor(Runnable::run) // evict on the calling thread: no pool thread, and the bound holds at once
                .build();
    }

    /** The conversation's membership for one of its members; for anyone else it does not exist (404, never 403). */
    public Membership requireMember(String conversationId, String userId) {
        if (conversationId == null || userId == null) {
            throw ApiException.notFound();
        }
        // loading inside the cache: a forget() that arrives while the database is read waits for the load and then
        // removes what it read, so a stale membership is never kept
        // a missing conversation is not cached (null), so made-up ids cannot push real ones out
        Membership membership = cache.get(conversationId, id -> conversations.find(id).map(Membership::of).orElse(null));
        if (membership == null || !membership.hasMember(userId)) {
            throw ApiException.notFound();
        }
        return membership;
    }

    public void forget(String conversationId) {
        cache.invalidate(conversationId);
    }

    public void forgetAll() {
        cache.invalidateAll();
    }

    /** Runs pending evictions now (tests). */
    void cleanUp() {
        cache.cleanUp();
    }

    void onChanged(@Observes ConversationChanged changed) {
        forget(changed.conversationId());
    }

    void onRemoved(@Observes MemberRemoved removed) {
        forget(removed.conversationId());
    }
}
