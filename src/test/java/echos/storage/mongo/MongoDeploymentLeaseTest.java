package echos.storage.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import echos.common.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Nodes on one MongoDB: one without REDIS_URL alone, several with it together, never the two kinds mixed. */
class MongoDeploymentLeaseTest {

    private MongoServer server;
    private String uri;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        uri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/lease";
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    private static MongoDeploymentLease.Outcome take(String uri, boolean clustered) {
        return MongoDeploymentLease.take(uri, clustered, java.time.Clock.systemUTC(), Duration.ZERO);
    }

    @Test
    void aSecondSingleNodeIsRefusedUntilTheFirstStops() {
        MongoDeploymentLease first = take(uri, false).lease().orElseThrow();
        Optional<String> second = take(uri, false).problem();
        assertTrue(second.orElseThrow().startsWith("another Echos node is already running on this database"), second.toString());
        assertTrue(take(uri, true).problem().orElseThrow().startsWith("an Echos node without REDIS_URL is running"));
        first.close();
        take(uri, false).lease().orElseThrow().close();
    }

    @Test
    void clusteredNodesShareTheDatabaseButASingleNodeCannotJoinThem() {
        MongoDeploymentLease a = take(uri, true).lease().orElseThrow();
        MongoDeploymentLease b = take(uri, true).lease().orElseThrow();
        assertTrue(take(uri, false).problem().orElseThrow().startsWith("another Echos node is already running"));
        a.close();
        b.close();
        assertTrue(take(uri, false).lease().isPresent());
    }

    @Test
    void aLeaseNotRenewedForItsTtlCountsAsANodeThatDied() {
        try (MongoClient client = MongoClients.create(uri)) {
            // what a node killed with kill -9 leaves behind, older than the TTL
            client.getDatabase("lease").getCollection(MongoDeploymentLease.COLLECTION).insertOne(new Document("_id", "dead-node")
                    .append("clustered", false).append("seenAt", Date.from(Instant.now().minus(MongoDeploymentLease.TTL).minusSeconds(1))));
        }
        assertTrue(take(uri, false).lease().isPresent());
    }

    @Test
    void aRestartStraightAfterACrashWaitsForTheDeadLeaseToLapse() {
        ManualClock clock = new ManualClock();
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("lease").getCollection(MongoDeploymentLease.COLLECTION).insertOne(new Document("_id", "just-killed")
                    .append("clustered", false).append("seenAt", Date.from(clock.instant().minusSeconds(10))));
        }
        // the wait is real time (1 s steps); the lease's age is on the manual clock, moved on while it waits
        Thread mover = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            clock.advance(Duration.ofSeconds(10)); // now 20 s old: past the 15 s TTL
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                return;
            }
            clock.advance(Duration.ofSeconds(60)); // past the wait's deadline, so a broken lease check ends refused, not hung
        });
        mover.start();
        MongoDeploymentLease.Outcome outcome = MongoDeploymentLease.take(uri, false, clock, Duration.ofSeconds(30));
        assertEquals(Optional.empty(), outcome.problem());
        outcome.lease().orElseThrow().close();
    }
}
