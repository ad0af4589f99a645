package echos.storage.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Reading what a MongoDB write failure means. */
public final class MongoErrors {

    private MongoErrors() {
    }

    public static boolean isDuplicateKey(MongoWriteException e) {
        return ErrorCategory.fromErrorCode(e.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
