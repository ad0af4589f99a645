package echos.presence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.common.time.MovableClock;
import echos.conversation.TestChats;
import echos.realtime.PresenceHeartbeat;
import echos.realtime.TestSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat keeps this node's real sockets present past the connection TTL, while a connection that no node
 * refreshes (as if its node had been killed with kill -9) expires and its user goes offline for their contacts.
 */
@QuarkusTest
class PresenceHeartbeatTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration TTL = Duration.ofSeconds(30);

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    PresenceRegistry presence;

    @Inject
    PresenceHeartbeat heartbeat;

    @Test
    void keepsOpenSocketsPresentWhileAConnectionOfADeadNodeExpires() {
        Account live = TestAccounts.signUp();
        Account ghost = TestAccounts.signUp();
        Account watcher = TestAccounts.signUp();
        String group = TestChats.group(watcher, "team", live, ghost);
        TestChats.send(watcher, group, "hi");
        try (TestSocket watching = TestSocket.of(http, watcher); TestSocket liveSocket = TestSocket.of(http, live)) {
            presence.connected(ghost.id(), "ghost-on-a-dead-node");
            watching.await("presence", f -> ghost.id().equals(f.at("/data/userId").asText()) && f.at("/data/online").asBoolean(), WAIT);
            assertTrue(presence.isOnline(live.id()));

            MovableClock.advance(TTL.dividedBy(2));
            heartbeat.beat();
            MovableClock.advance(TTL.dividedBy(2).plusSeconds(2)); // past the TTL of anything not refreshed
            presence.sweep();
            assertTrue(presence.isOnline(live.id()), "the heartbeat refreshed the open socket");

            JsonNode offline = watching.await("presence", f -> ghost.id().equals(f.at("/data/userId").asText())
                    && !f.at("/data/online").asBoolean() && f.at("/data/lastSeenAt").isTextual(), WAIT);
            assertFalse(presence.isOnline(ghost.id()));
            assertTrue(presence.isOnline(live.id()));
            assertFalse(offline.at("/data/lastSeenAt").isNull());
        } finally {
            MovableClock.reset();
        }
    }
}
