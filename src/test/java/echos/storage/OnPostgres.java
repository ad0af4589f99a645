package echos.storage;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs a @QuarkusTest against the real PostgreSQL (DATABASE_URL set), in a schema of its own that is dropped when
 * the test JVM exits. All test classes with this profile share one application and one schema.
 */
public class OnPostgres implements QuarkusTestProfile {

    public static final String SCHEMA = PostgresTestDatabase.freshSchemaName();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PostgresTestDatabase.dropSchema(SCHEMA)));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = PostgresTestDatabase.baseUrl();
        return Map.of(
                "database.url", url + (url.contains("?") ? "&" : "?") + "user=postgres&currentSchema=" + SCHEMA,
                "quarkus.flyway.schemas", SCHEMA);
    }
}
