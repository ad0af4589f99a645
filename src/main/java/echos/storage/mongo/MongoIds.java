package echos.storage.mongo;

import java.util.regex.Pattern;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * Echos ids as MongoDB stores them. Chatty's ids are ObjectIds, written as 24 lowercase hex characters, and its
 * queries only match ObjectIds, so such an id goes in as an ObjectId; every other id (Echos' UUIDs) as a string.
 */
public final class MongoIds {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

    private MongoIds() {
    }

    /** The value to store or query for an id (an {@code _id} or a reference to one). */
    public static Object toBson(String id) {
        return id != null && OBJECT_ID.matcher(id).matches() ? new ObjectId(id) : id;
    }

    /** The Echos id of a stored value: ObjectIds as their lowercase hex form, strings as they are. */
    public static String fromBson(Object value) {
        if (value instanceof ObjectId) {
            return ((ObjectId) value).toHexString();
        }
        if (value instanceof BsonValue && ((BsonValue) value).isObjectId()) {
            return ((BsonValue) value).asObjectId().getValue().toHexString();
        }
        return value == null ? null : value.toString();
    }
}
