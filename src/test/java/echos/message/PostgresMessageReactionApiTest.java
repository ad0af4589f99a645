package echos.message;

import echos.storage.OnPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same reaction tests with DATABASE_URL pointing at the real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
class PostgresMessageReactionApiTest extends MessageReactionApiTest {
}
