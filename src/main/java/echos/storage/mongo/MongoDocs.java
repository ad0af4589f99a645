package echos.storage.mongo;

import org.bson.Document;

/** Reading fields of stored documents whatever numeric BSON type a writer chose (int32, int64, double). */
public final class MongoDocs {

    private MongoDocs() {
    }

    /** The field as a long; 0 when it is absent or not a number. */
    public static long longOf(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
