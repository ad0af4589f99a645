package echos.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link GroupCommit} on a real database: shared commits, answers only after the commit, a bad unit fails alone. */
abstract class GroupCommitContract {

    private TestDatabase database;
    private Jdbc jdbc;
    private GroupCommit group;
    private final ExecutorService senders = Executors.newFixedThreadPool(12);

    protected abstract TestDatabase openDatabase();

    protected abstract Jdbc jdbcOf(TestDatabase database);

    @BeforeEach
    void open() throws SQLException {
        database = openDatabase();
        jdbc = jdbcOf(database);
        jdbc.update("CREATE TABLE group_probe (id VARCHAR(40) PRIMARY KEY)");
        group = new GroupCommit(jdbc, 64);
    }

    @AfterEach
    void close() {
        senders.shutdownNow();
        database.close();
    }

    @Test
    void unitsWaitingTogetherShareOneCommitAndAreAnsweredOnlyAfterIt() throws Exception {
        CountDownLatch holdWriter = new CountDownLatch(1);
        CountDownLatch writerHeld = new CountDownLatch(1);
        CompletableFuture<String> blocker = submit("blocker", () -> {
            insert("blocker");
            writerHeld.countDown();
            await(holdWriter);
            return "blocker";
        });
        await(writerHeld);
        List<CompletableFuture<String>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "m" + i;
            queued.add(submit("c" + (i % 3), () -> {
                insert(id);
                return id;
            }));
        }
        waitUntilQueued(10);
        assertFalse(blocker.isDone(), "not answered before its transaction commits");
        assertFalse(visible("blocker"), "another connection does not see it before the commit");
        holdWriter.countDown();
        assertEquals("blocker", blocker.get(10, TimeUnit.SECONDS));
        for (int i = 0; i < 10; i++) {
            assertEquals("m" + i, queued.get(i).get(10, TimeUnit.SECONDS));
            assertTrue(visible("m" + i), "committed once answered: m" + i);
        }
        assertEquals(2, group.commits(), "the blocker alone, then the ten queued behind it in one transaction");
    }

    @Test
    void aFailingUnitFailsAloneAndTheOthersOfItsBatchStillCommit() throws Exception {
        jdbc.update("INSERT INTO group_probe (id) VALUES (?)", "taken");
        CountDownLatch holdWriter = new CountDownLatch(1);
        CountDownLatch writerHeld = new CountDownLatch(1);
        CompletableFuture<String> blocker = submit("a", () -> {
            writerHeld.countDown();
            await(holdWriter);
            return "blocker";
        });
        await(writerHeld);
        CompletableFuture<String> first = submit("b", () -> {
            insert("first");
            return "first";
        });
        CompletableFuture<String> duplicate = submit("c", () -> {
            insert("taken");
            return "duplicate";
        });
        CompletableFuture<String> last = submit("d", () -> {
            insert("last");
            return "last";
        });
        waitUntilQueued(3);
        holdWriter.countDown();
        assertEquals("blocker", blocker.get(10, TimeUnit.SECONDS));
        assertEquals("first", first.get(10, TimeUnit.SECONDS));
        assertEquals("last", last.get(10, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> duplicate.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof SQLException sql && jdbc.dialect().isUniqueViolation(sql),
                "the duplicate gets its own constraint violation: " + failed.getCause());
        assertTrue(visible("first") && visible("last"), "the good units of the failed batch are stored");
        assertEquals(3, count(), "taken, first and last; nothing of the failed batch is left over");
        assertEquals(3, group.commits(), "the blocker, then first and last alone after their batch failed");
    }

    @Test
    void insideATransactionItJoinsThatTransaction() throws Exception {
        assertThrows(IllegalStateException.class, () -> jdbc.inTransaction(() -> {
            group.run("k", () -> insert("inner"));
            throw new IllegalStateException("roll back");
        }));
        assertFalse(visible("inner"), "rolled back with the outer transaction");
        assertEquals(0, group.commits());
    }

    private int insert(String id) throws SQLException {
        return jdbc.update("INSERT INTO group_probe (id) VALUES (?)", id);
    }

    private boolean visible(String id) {
        return jdbc.one("SELECT id FROM group_probe WHERE id = ?", rs -> rs.getString(1), id).isPresent();
    }

    private int count() {
        return jdbc.one("SELECT count(*) FROM group_probe", rs -> rs.getInt(1)).orElseThrow();
    }

    private <T> CompletableFuture<T> submit(String key, Jdbc.Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return group.run(key, work);
            } catch (SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, senders);
    }

    private void waitUntilQueued(int units) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.waiting() < units) {
            assertTrue(System.nanoTime() < deadline, "units queued: " + group.waiting());
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
