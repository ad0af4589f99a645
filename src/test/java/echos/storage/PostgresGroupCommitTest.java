package echos.storage;

class PostgresGroupCommitTest extends GroupCommitContract {
    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    protected Jdbc jdbcOf(TestDatabase database) {
        return ((PostgresTestDatabase) database).jdbc();
    }
}
