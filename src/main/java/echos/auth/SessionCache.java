package echos.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sessions that tokens named recently, so a request does not read its session from the database each time.
 * Revocation still takes effect at once: {@link SessionsEnded} forgets the sessions here, and on the other nodes when
 * their broker tells them ({@code BrokerFanout}); a node that may have missed broadcasts forgets all. Entries expire
 * as a backstop. Only sessions that exist are kept.
 */
@ApplicationScoped
public class SessionCache {

    private final SessionStore sessions;
    private final Cache<String, Session> cache;
    /** Counts forgets, so a read that raced one does not leave what it read in the cache. */
    private final AtomicLong forgets = new AtomicLong();

    public SessionCache(SessionStore sessions, @ConfigProperty(name = "echos.session-cache.max-sessions") long maxSessions,
            @ConfigProperty(name = "echos.session-cache.ttl") Duration ttl) {
        this.sessions = sessions;
        this.cache = Caffeine.newBuilder().maximumSize(maxSessions).expireAfterWrite(ttl).executor(Runnable::run).build();
    }

    public Optional<Session> find(String sessionId) {
        Session cached = cache.getIfPresent(sessionId);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = forgets.get();
        Optional<Session> stored = sessions.find(sessionId);
        stored.ifPresent(s -> cache.put(sessionId, s));
        // a forget since the read may be about this session: it either removed what was just put, or it counted
        // before this check and the entry is dropped here
        if (forgets.get() != before) {
            cache.invalidate(sessionId);
        }
        return stored;
    }

    void onEnded(@Observes SessionsEnded ended) {
        forget(ended);
    }

    public void forget(SessionsEnded ended) {
        forgets.incrementAndGet();
        if (ended.sessionId() != null) {
            cache.invalidate(ended.sessionId());
        } else {
            cache.asMap().values().removeIf(s -> ended.covers(s.userId(), s.id()));
        }
    }

    public void forgetAll() {
        forgets.incrementAndGet();
        cache.invalidateAll();
    }
}
