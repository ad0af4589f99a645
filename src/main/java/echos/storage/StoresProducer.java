package echos.storage;

import echos.auth.ResetTokenStore;
import echos.auth.SessionStore;
import echos.conversation.ConversationStore;
import echos.media.MediaStore;
import echos.message.MessageStore;
import echos.storage.mongo.MongoConnection;
import echos.storage.mongo.MongoStores;
import echos.storage.sql.SqlStores;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands every storage port to the application from the one backend family the environment chose. Only that family
 * is built: with MongoDB no JDBC pool is ever asked for, with SQL no MongoDB client is made (both datasources are inactive then, see
 * RuntimeSettingsInterceptor), so no SQLite file appears and no migration runs.
 */
@ApplicationScoped
public class StoresProducer {

    @Produces
    @Singleton
    StorageBackend backend(@ConfigProperty(name = "database.url") Optional<String> databaseUrl,
            @ConfigProperty(name = "mongo.uri") Optional<String> mongoUri, @ConfigProperty(name = "mongodb.uri") Optional<String> mongodbUri) {
        return StorageBackend.choose(databaseUrl.orElse(null), mongoUri.orElse(null), mongodbUri.orElse(null));
    }

    @Produces
    @Singleton
    Stores stores(StorageBackend backend, Instance<Jdbc> jdbc, Instance<MongoConnection> mongo,
            @ConfigProperty(name = "echos.storage.group-commit-max") int groupCommitMax) {
        if (backend.isSql()) {
            return SqlStores.over(jdbc.get(), groupCommitMax);
        }
        return MongoStores.over(mongo.get().database());
    }

    @Produces
    @Singleton
    UserStore users(Stores stores) {
        return stores.users();
    }

    @Produces
    @Singleton
    SessionStore sessions(Stores stores) {
        return stores.sessions();
    }

    @Produces
    @Singleton
    ResetTokenStore resetTokens(Stores stores) {
        return stores.resetTokens();
    }

    @Produces
    @Singleton
    ConversationStore conversations(Stores stores) {
        return stores.conversations();
    }

    @Produces
    @Singleton
    MessageStore messages(Stores stores) {
        return stores.messages();
    }

    @Produces
    @Singleton
    MediaStore media(Stores stores) {
        return stores.media();
    }
}
