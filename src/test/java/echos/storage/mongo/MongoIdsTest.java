package echos.storage.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.bson.BsonObjectId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class MongoIdsTest {

    @Test
    void storesLowercaseHexOfObjectIdLengthAsAnObjectIdAndReadsItBack() {
        String hex = "65a1b2c3d4e5f60718293a4b";
        assertEquals(new ObjectId(hex), MongoIds.toBson(hex));
        assertEquals(hex, MongoIds.fromBson(MongoIds.toBson(hex)));
        assertEquals(hex, MongoIds.fromBson(new BsonObjectId(new ObjectId(hex))));
    }

    @Test
    void keepsEveryOtherIdAsAString() {
        for (String id : new String[] {"0e9a6b1c-3f1d-4c5e-9a7b-2d8f6e4c1a30", "65A1B2C3D4E5F60718293A4B", "65a1b2c3d4e5f60718293a4", "no-such-id"}) {
            assertEquals(id, MongoIds.toBson(id));
            assertEquals(id, MongoIds.fromBson(MongoIds.toBson(id)));
        }
        assertNull(MongoIds.toBson(null));
        assertNull(MongoIds.fromBson(null));
    }
}
