package echos.message;

import echos.storage.PostgresTestDatabase;
import echos.storage.TestDatabase;

class PostgresMessageStoreTest extends MessageStoreContract {
    private PostgresTestDatabase database;

    @Override
    protected TestDatabase openDatabase() {
        database = PostgresTestDatabase.create();
        return database;
    }

    @Override
    protected long statementsRun() {
        return database.jdbc().statementsRun();
    }
}
