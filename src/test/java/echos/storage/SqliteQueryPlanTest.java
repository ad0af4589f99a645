package echos.storage;

import java.util.List;
import java.util.regex.Pattern;

/** EXPLAIN QUERY PLAN on SQLite: a "SCAN" of a real table (not the FTS index's virtual table) reads all of it. */
class SqliteQueryPlanTest extends QueryPlanContract {

    private static final Pattern WHOLE_TABLE = Pattern.compile("^SCAN (?!CONSTANT ROW)(?!\\S+ VIRTUAL TABLE)");

    @Override
    protected TestDatabase openDatabase() {
        return SqliteTestDatabase.create();
    }

    @Override
    protected Jdbc jdbc(TestDatabase database) {
        return ((SqliteTestDatabase) database).jdbc();
    }

    @Override
    protected List<String> explain(Jdbc jdbc, String sql, Object[] params) {
        return jdbc.list("EXPLAIN QUERY PLAN " + sql, rs -> rs.getString(4), params);
    }

    @Override
    protected String problem(String planLine, int maxRows) {
        return WHOLE_TABLE.matcher(planLine.strip()).find() ? "reads a whole table" : null;
    }
}
