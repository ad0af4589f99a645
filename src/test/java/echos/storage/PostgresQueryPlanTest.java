package echos.storage;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN ANALYZE on PostgreSQL with the planner's own choices after ANALYZE: no sequential scan of messages, and no
 * node on messages that touches more rows than one conversation holds (so 40 conversations' worth is never read).
 */

class PostgresQueryPlanTest extends QueryPlanContract {

    private static final Pattern ACTUAL = Pattern.compile("actual time=\\S+ rows=(\\d+) loops=(\\d+)");

    @Override
    protected TestDatabase openDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    protected Jdbc jdbc(TestDatabase database) {
        return ((PostgresTestDatabase) database).jdbc();
    }

    @Override
    protected List<String> explain(Jdbc jdbc, String sql, Object[] params) {
        return jdbc.list("EXPLAIN (ANALYZE, COSTS OFF, TIMING ON) " + sql, rs -> rs.getString(1), params);
    }

    @Override
    protected String problem(String planLine, int maxRows) {
        if (planLine.contains("Seq Scan on messages ")) {
            return "reads the whole messages table";
        }
        Matcher m = ACTUAL.matcher(planLine);
        if (planLine.contains(" on messages ") && m.find() && Long.parseLong(m.group(1)) * Long.parseLong(m.group(2)) > maxRows) {
            return "touches more than " + maxRows + " rows of messages";
        }
        return null;
    }
}
