package echos.socketio;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Engine.IO sessions open on this node, by sid. Node-local: a polling client must keep reaching the node that
 * holds its session (sticky routing, docs/deployment.md); an unknown sid is answered as Engine.IO servers do, and
 * the client reconnects. Sessions not yet connected to a namespace are counted, so unauthenticated clients cannot
 * hold memory without bound.
 */
@ApplicationScoped
public class EngineSessions {

    private final Map<String, EngineSession> bySid = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();

    String newSid() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void add(EngineSession session) {
        bySid.put(session.sid(), session);
    }

    EngineSession get(String sid) {
        return bySid.get(sid);
    }

    void remove(EngineSession session) {
        bySid.remove(session.sid(), session);
    }

    /** Takes a place for a session that has not connected yet; false when all {@code max} are taken. */
    boolean reservePending(int max) {
        while (true) {
            int now = pending.get();
            if (now >= max) {
                return false;
            }
            if (pending.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    void releasePending() {
        pending.decrementAndGet();
    }

    public int size() {
        return bySid.size();
    }
}
