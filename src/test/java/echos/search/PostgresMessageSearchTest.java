package echos.search;

import echos.search.sql.SqlMessageSearch;
import echos.storage.PostgresTestDatabase;
import echos.storage.TestDatabase;

class PostgresMessageSearchTest extends MessageSearchContract {

    private PostgresTestDatabase database;

    @Override
    protected TestDatabase openDatabase() {
        database = PostgresTestDatabase.create();
        return database;
    }

    @Override
    protected MessageSearch createSearch() {
        return new SqlMessageSearch(database.jdbc());
    }
}
