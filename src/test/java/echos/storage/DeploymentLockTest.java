package echos.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The advisory lock on a fresh database of the real PostgreSQL at 127.0.0.1:5432, one lock per "node". */
class DeploymentLockTest {

    private final String database = "echos_lock_" + UUID.randomUUID().toString().replace("-", "");
    private final List<DeploymentLock> held = new ArrayList<>();
    private DatabaseUrl url;

    @BeforeEach
    void createDatabase() throws Exception {
        admin("create database " + database);
        url = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/" + database);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        for (DeploymentLock lock : held) {
            lock.close();
        }
        admin("drop database if exists " + database);
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private DeploymentLock.Outcome node(boolean clustered) {
        DeploymentLock.Outcome outcome = DeploymentLock.take(url, clustered);
        outcome.lock().ifPresent(held::add);
        return outcome;
    }

    @Test
    void aSecondNodeWithoutRedisIsRefused() {
        assertTrue(node(false).lock().isPresent());
        DeploymentLock.Outcome second = node(false);
        assertTrue(second.lock().isEmpty());
        assertTrue(second.problem().orElseThrow().contains("several nodes need REDIS_URL"), second.problem().get());
    }

    @Test
    void clusteredNodesShareTheDatabase() {
        for (int i = 0; i < 3; i++) {
            assertEquals(java.util.Optional.empty(), node(true).problem(), "node " + i);
        }
    }

    @Test
    void aClusteredNodeIsRefusedBesideASingleNodeAndTheOtherWayRound() {
        assertTrue(node(false).lock().isPresent());
        assertTrue(node(true).problem().orElseThrow().contains("without REDIS_URL is running"));
        held.remove(0).closeQuietly();
        assertTrue(node(true).lock().isPresent(), "free once the single node is gone");
        assertTrue(node(false).problem().orElseThrow().contains("another Echos node"));
    }

    @Test
    void aDeadNodesLockIsFreedWithItsConnection() throws Exception {
        DeploymentLock first = node(false).lock().orElseThrow();
        held.remove(first);
        first.close(); // what PostgreSQL sees when the process dies
        assertTrue(node(false).lock().isPresent());
    }

    @Test
    void anUnreachableDatabaseIsReportedNotThrown() {
        DeploymentLock.Outcome outcome = DeploymentLock.take(DatabaseUrl.parse("postgresql://postgres@127.0.0.1:1/nothing"), false);
        assertTrue(outcome.problem().orElseThrow().startsWith("cannot check whether other nodes use this database"));
    }
}
