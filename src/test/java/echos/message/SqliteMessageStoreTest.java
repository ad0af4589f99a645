package echos.message;

import echos.storage.SqliteTestDatabase;
import echos.storage.TestDatabase;

class SqliteMessageStoreTest extends MessageStoreContract {
    private SqliteTestDatabase database;

    @Override
    protected TestDatabase openDatabase() {
        database = SqliteTestDatabase.create();
        return database;
    }

    @Override
    protected long statementsRun() {
        return database.jdbc().statementsRun();
    }
}
