package echos.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import echos.storage.mongo.MongoStores;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, in memory) on a random loopback port, reached
 * through the official driver like a real mongod, with a fresh database per instance.
 */
public final class MongoTestDatabase implements TestDatabase {

    private final MongoServer server;
    private final MongoClient client;
    private final String databaseName;

    private MongoTestDatabase(MongoServer server, MongoClient client, String databaseName) {
        this.server = server;
        this.client = client;
        this.databaseName = databaseName;
    }

    public static MongoTestDatabase create() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        return new MongoTestDatabase(server, client, "echos_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public Stores stores() {
        return MongoStores.over(client.getDatabase(databaseName));
    }

    /** The raw database, for tests that play a crash or an old writer by changing documents directly. */
    public MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
