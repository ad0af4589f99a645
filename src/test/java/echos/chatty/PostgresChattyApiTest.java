package echos.chatty;

import echos.storage.OnPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same Chatty flow with DATABASE_URL pointing at the real PostgreSQL. */
@QuarkusTest
@TestProfile(OnPostgres.class)
class PostgresChattyApiTest extends ChattyApiTest {
}
