package echos.realtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.realtime.Broadcast;
import echos.realtime.BrokerReadiness;
import org.eclipse.microprofile.health.HealthCheckResponse;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A redis-server of this test's own (started and killed by pid, on a free loopback port): while it is down a node
 * still delivers its own broadcasts to its own sockets; once it is back, both nodes reconnect and broadcasts cross again.
 */
class RedisBrokerOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Vertx vertx = Vertx.vertx();
    private final int port = freePort();
    private Process redis;
    private RedisBroker a;
    private RedisBroker b;

    @Test
    void aNodeKeepsDeliveringLocallyWhileRedisIsDownAndBothReconnectWhenItIsBack() throws Exception {
        redis = startRedis();
        String url = "redis://127.0.0.1:" + port;
        a = new RedisBroker(vertx, url, "outage:broadcast");
        b = new RedisBroker(vertx, url, "outage:broadcast");
        List<Broadcast> seenByA = new CopyOnWriteArrayList<>();
        List<Broadcast> seenByB = new CopyOnWriteArrayList<>();
        a.subscribe(seenByA::add);
        b.subscribe(seenByB::add);
        await(() -> a.connected() && b.connected(), "both nodes connect");

        Broadcast before = toUser("before");
        a.publish(before);
        await(() -> seenByA.contains(before) && seenByB.contains(before), "a broadcast crosses while Redis is up");

        redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        await(() -> !a.connected() && !b.connected(), "both nodes notice Redis is gone");
        HealthCheckResponse ready = new BrokerReadiness(a).call();
        assertEquals(HealthCheckResponse.Status.UP, ready.getStatus(), "a node without Redis stays in the balancer");
        assertTrue(String.valueOf(ready.getData().orElseThrow().get("redis")).startsWith("degraded"));
        Broadcast during = toUser("during");
        a.publish(during);
        await(() -> seenByA.contains(during), "the publishing node still delivers to its own sockets");
        Thread.sleep(500);
        assertFalse(seenByB.contains(during), "the other node cannot get it without Redis (its clients will sync)");
        assertFalse(seenByA.stream().anyMatch(x -> x instanceof Broadcast.MayHaveMissed), "nobody is told before Redis is back");

        redis = startRedis();
        await(() -> a.connected() && b.connected(), "both nodes reconnect and subscribe again");
        Broadcast after = toUser("after");
        a.publish(after);
        await(() -> seenByA.contains(after) && seenByB.contains(after), "broadcasts cross again once Redis is back");
        Thread.sleep(300);
        assertEquals(1, seenByA.stream().filter(after::equals).count(), "delivered once, not once per reconnect");
        assertEquals(1, seenByB.stream().filter(after::equals).count());
        // both nodes lost both links: each tells its own sockets (subscriber back) and the others (publisher back)
        // to sync, so the broadcast lost "during" the outage is replayed to b's clients from the database
        await(() -> seenByB.stream().anyMatch(x -> x instanceof Broadcast.MayHaveMissed), "b's sockets are told to sync");
        await(() -> seenByA.stream().anyMatch(x -> x instanceof Broadcast.MayHaveMissed), "a's sockets are told to sync");
    }

    private static Broadcast toUser(String marker) {
        return new Broadcast.ToUsers(List.of("u1"), "{\"marker\":\"" + marker + "\"}", null);
    }

    private Process startRedis() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("redis-server", "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out: " + what);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
