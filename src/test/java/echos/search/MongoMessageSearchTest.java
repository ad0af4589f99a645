package echos.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import echos.search.mongo.MongoMessageSearch;
import echos.storage.MongoTestDatabase;
import echos.storage.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The contract on the in-memory MongoDB stand-in, which has no $text: this runs the regular-expression fallback, not
 * the text index a real MongoDB uses.
 */
class MongoMessageSearchTest extends MessageSearchContract {

    private MongoTestDatabase database;
    private MongoMessageSearch search;

    @Override
    protected TestDatabase openDatabase() {
        database = MongoTestDatabase.create();
        return database;
    }

    @Override
    protected MessageSearch createSearch() {
        search = new MongoMessageSearch(database.database());
        return search;
    }

    @Override
    protected boolean ranksByRelevance() {
        return search.usesTextIndex();
    }

    @Test
    void theStandInRefusesTextSearchSoTheFallbackRuns() {
        String owner = database.stores().users().create(new echos.user.NewUser(java.util.UUID.randomUUID().toString(),
                java.util.UUID.randomUUID() + "@example.com", "O", "h", java.time.Instant.EPOCH)).id();
        String group = database.stores().conversations().createGroup(java.util.UUID.randomUUID().toString(), "G", owner, java.util.List.of(),
                java.time.Instant.EPOCH).id();
        database.stores().messages().append(new echos.message.NewMessage(java.util.UUID.randomUUID().toString(), group, owner, "c", "probe words",
                java.time.Instant.EPOCH));
        assertEquals(1, search.search(new MessageSearch.Query(owner, null, java.util.List.of("probe"), null, 5)).size());
        assertFalse(search.usesTextIndex());
    }
}
