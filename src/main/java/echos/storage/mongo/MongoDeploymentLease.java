package echos.storage.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * MongoDB's counterpart of the PostgreSQL advisory lock: a node without REDIS_URL must be the only node on the
 * database, and a node with it must not run beside one without. Every node keeps a lease document in
 * {@code echos_nodes} fresh with a heartbeat; a lease not renewed for {@link #TTL} counts as gone (a node killed
 * with kill -9), so a node restarted straight after such a crash waits up to that long before deciding.
 */
public final class MongoDeploymentLease implements AutoCloseable {

    public static final Duration TTL = Duration.ofSeconds(15);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    static final String COLLECTION = "echos_nodes";

    private final MongoClient client;
    private final MongoCollection<Document> nodes;
    private final String id;
    private final ScheduledExecutorService heartbeat;

    private MongoDeploymentLease(MongoClient client, MongoCollection<Document> nodes, String id, ScheduledExecutorService heartbeat) {
        this.client = client;
        this.nodes = nodes;
        this.id = id;
        this.heartbeat = heartbeat;
    }

    /** The lease taken, or the one-line reason it could not be. */
    public record Outcome(Optional<MongoDeploymentLease> lease, Optional<String> problem) {
    }

    public static Outcome take(String uri, boolean clustered, Clock clock, Duration waitForStale) {
        MongoClient client = MongoClients.create(uri);
        MongoCollection<Document> nodes = client.getDatabase(MongoConnection.databaseOf(uri)).getCollection(COLLECTION);
        String id = UUID.randomUUID().toString();
        long deadline = clock.millis() + waitForStale.toMillis();
        while (true) {
            Date now = new Date(clock.millis());
            Date live = new Date(clock.millis() - TTL.toMillis());
            // a single node conflicts with any live node; a clustered one only with a live single node
            boolean conflict = nodes.find(clustered ? and(gt("seenAt", live), eq("clustered", false)) : gt("seenAt", live)).first() != null;
            if (!conflict) {
                nodes.insertOne(new Document("_id", id).append("clustered", clustered).append("seenAt", now));
                // two started at the same moment and each saw no one: now each sees the other, and the later one
                // (by start time, then id) gives way
                boolean earlierRival = false;
                for (Document rival : nodes.find(and(ne("_id", id), gt("seenAt", live), clustered ? eq("clustered", false) : new Document()))) {
                    int order = rival.getDate("seenAt").compareTo(now);
                    earlierRival |= order < 0 || order == 0 && rival.getString("_id").compareTo(id) < 0;
                }
                if (!earlierRival) {
                    ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "echos-node-lease");
                        t.setDaemon(true);
                        return t;
                    });
                    MongoDeploymentLease lease = new MongoDeploymentLease(client, nodes, id, beat);
                    beat.scheduleAtFixedRate(() -> lease.renew(clock), HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                    return new Outcome(Optional.of(lease), Optional.empty());
                }
                nodes.deleteOne(eq("_id", id));
            }
            if (clock.millis() >= deadline) {
                client.close();
                return new Outcome(Optional.empty(), Optional.of(clustered
                        ? "an Echos node without REDIS_URL is running on this database; give every node the same REDIS_URL"
                                + " (stop that node first), or run one node only"
                        : "another Echos node is already running on this database; several nodes need REDIS_URL"
                                + " (the same on every node) so they share live events, presence and limits"));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                client.close();
                return new Outcome(Optional.empty(), Optional.of("interrupted while checking for other nodes"));
            }
        }
    }

    private void renew(Clock clock) {
        try {
            nodes.updateOne(eq("_id", id), Updates.set("seenAt", new Date(clock.millis())));
        } catch (RuntimeException e) {
            // MongoDB briefly away: the next beat renews; the lease only lapses after TTL without one
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            nodes.deleteOne(eq("_id", id));
        } finally {
            client.close();
        }
    }
}
