package echos.search;

import echos.search.sql.SqlMessageSearch;
import echos.storage.SqliteTestDatabase;
import echos.storage.TestDatabase;

class SqliteMessageSearchTest extends MessageSearchContract {

    private SqliteTestDatabase database;

    @Override
    protected TestDatabase openDatabase() {
        database = SqliteTestDatabase.create();
        return database;
    }

    @Override
    protected MessageSearch createSearch() {
        return new SqlMessageSearch(database.jdbc());
    }
}
