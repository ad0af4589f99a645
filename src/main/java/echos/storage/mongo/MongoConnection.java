package echos.storage.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MongoDB client, made only when MongoDB is the chosen backend (nothing asks for it otherwise). The database is
 * the one the URI names; without one, {@code test}, as the Node driver (and so Chatty) defaults.
 */
@ApplicationScoped
public class MongoConnection {

    static final String DEFAULT_DATABASE = "test";

    private final MongoClient client;
    private final String databaseName;

    public MongoConnection(@ConfigProperty(name = "mongo.uri") Optional<String> mongoUri,
            @ConfigProperty(name = "mongodb.uri") Optional<String> mongodbUri) {
        String uri = mongoUri.filter(u -> !u.isBlank()).or(() -> mongodbUri.filter(u -> !u.isBlank()))
                .orElseThrow(() -> new IllegalStateException("MONGO_URI is not set")).trim();
        this.databaseName = databaseOf(uri);
        this.client = MongoClients.create(uri);
    }

    /** @return why MongoDB at this URI cannot be used, in one line, or empty when it answers a ping */
    public static Optional<String> problemWith(String uri) {
        ConnectionString parsed;
        try {
            parsed = new ConnectionString(uri.trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("MONGO_URI is not a MongoDB connection string (" + e.getMessage() + ")");
        }
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(parsed)
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS)).build();
        try (MongoClient probe = MongoClients.create(settings)) {
            probe.getDatabase(databaseOf(uri.trim())).runCommand(new Document("ping", 1));
            return Optional.empty();
        } catch (RuntimeException e) {
            String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return Optional.of("MONGO_URI: cannot reach MongoDB at " + String.join(",", parsed.getHosts()) + " (" + reason + ")");
        }
    }

    static String databaseOf(String uri) {
        String named = new ConnectionString(uri).getDatabase();
        return named == null || named.isBlank() ? DEFAULT_DATABASE : named;
    }

    public MongoDatabase database() {
        return client.getDatabase(databaseName);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
