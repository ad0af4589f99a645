package echos.search;

import echos.search.mongo.MongoMessageSearch;
import echos.search.sql.SqlMessageSearch;
import echos.storage.Jdbc;
import echos.storage.StorageBackend;
import echos.storage.mongo.MongoConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands the application the {@link MessageSearch} of the backend the environment chose, as StoresProducer does the stores. */
@ApplicationScoped
public class MessageSearchProducer {

    @Produces
    @Singleton
    MessageSearch messageSearch(StorageBackend backend, Instance<Jdbc> jdbc, Instance<MongoConnection> mongo) {
        return backend.isSql() ? new SqlMessageSearch(jdbc.get()) : new MongoMessageSearch(mongo.get().database());
    }
}
