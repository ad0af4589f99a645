package echos.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs a @QuarkusTest with MONGO_URI pointing at an in-process MongoDB wire-protocol server (mongo-java-server,
 * a stand-in: no real mongod can be installed here), started once for the test JVM. All test classes with this
 * profile share one application and one database.
 */
public class OnMongo implements QuarkusTestProfile {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS;
    /** DATA_DIR of the app under test: it must hold no SQLite file on MongoDB. */
    public static final Path DATA_DIR;

    static {
        SERVER.bind("127.0.0.1", 0);
        ADDRESS = SERVER.getLocalAddress();
        try {
            DATA_DIR = Files.createTempDirectory("echos-on-mongo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::shutdownNow));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mongo.uri", "mongodb://" + ADDRESS.getHostString() + ":" + ADDRESS.getPort() + "/echos_test",
                "data.dir", DATA_DIR.toString());
    }
}
