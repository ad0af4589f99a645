package echos.message;

import echos.storage.OnMongo;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The same reaction tests with MONGO_URI pointing at the mongo-java-server stand-in. */
@QuarkusTest
@TestProfile(OnMongo.class)
class MongoMessageReactionApiTest extends MessageReactionApiTest {
}
