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
    /** A user as Chatty stored them (bcryptjs hash, no Echos fields), there before Echos first starts. */
    public static final String CHATTY_EMAIL = "Chatty.User@Example.com";
    public static final String CHATTY_PASSWORD = "password from the chatty days";
    public static final String CHATTY_ID = new org.bson.types.ObjectId().toHexString();
    private static final String DATABASE = "echos_test";

    /** DATA_DIR of the app under test: it must hold no SQLite file on MongoDB. */
    public static final Path DATA_DIR;

    static {
        SERVER.bind("127.0.0.1", 0);
        ADDRESS = SERVER.getLocalAddress();
        try (com.mongodb.client.MongoClient client = com.mongodb.client.MongoClients.create(uri())) {
            String hash = new String(at.favre.lib.crypto.bcrypt.BCrypt.with(at.favre.lib.crypto.bcrypt.BCrypt.Version.VERSION_2A)
                    .hash(10, CHATTY_PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8)), java.nio.charset.StandardCharsets.UTF_8);
            java.util.Date created = new java.util.Date(1_700_000_000_000L);
            client.getDatabase(DATABASE).getCollection("users").insertOne(new org.bson.Document("_id", new org.bson.types.ObjectId(CHATTY_ID))
                    .append("email", CHATTY_EMAIL).append("fullName", "Chatty User").append("password", hash).append("profilePic", "")
                    .append("createdAt", created).append("updatedAt", created).append("__v", 0));
        }
        try {
            DATA_DIR = Files.createTempDirectory("echos-on-mongo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::shutdownNow));
    }

    private static String uri() {
        return "mongodb://" + ADDRESS.getHostString() + ":" + ADDRESS.getPort() + "/" + DATABASE;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mongo.uri", uri(),
                "data.dir", DATA_DIR.toString());
    }
}
