package echos.storage;

class SqliteGroupCommitTest extends GroupCommitContract {
    @Override
    protected TestDatabase openDatabase() {
        return SqliteTestDatabase.create();
    }

    @Override
    protected Jdbc jdbcOf(TestDatabase database) {
        return ((SqliteTestDatabase) database).jdbc();
    }
}
