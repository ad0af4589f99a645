package echos.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Hands the SQL adapters the one active pool: PostgreSQL when DATABASE_URL is set, SQLite otherwise. */
@ApplicationScoped
public class JdbcProducer {

    @Produces
    @Singleton
    Jdbc jdbc(@Any InjectableInstance<AgroalDataSource> pools) {
        AgroalDataSource active = pools.getActive();
        return new Jdbc(active, SqlDialect.of(active));
    }
}
