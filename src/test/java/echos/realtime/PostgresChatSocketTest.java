package echos.realtime;

import echos.storage.OnPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same socket tests with DATABASE_URL pointing at the real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
class PostgresChatSocketTest extends ChatSocketTest {
}
