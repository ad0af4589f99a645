package echos.realtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.netty.util.internal.PlatformDependent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Several sockets of one account stop reading while another account sends them big messages: the server's direct
 * (native) memory stays within sockets x WS_MAX_OUTBOUND_BYTES plus slack, the paused sockets are closed, and a
 * third user in another conversation keeps getting messages quickly meanwhile.
 */
@QuarkusTest
@TestProfile(SmallOutboundQueues.class)
class SlowReaderMemoryTest {

    private static final int PAUSED = 5;
    /** Pool chunks, frames in flight to healthy sockets, kernel hand-off: what a healthy server also holds. */
    private static final long SLACK = 16L * 1024 * 1024;
    /** About 12 KB in UTF-8 (3 bytes a char), under the 4,000-character limit. */
    private static final String BIG = "\u20ac".repeat(3_900);

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    Connections connections;

    private URI ws() {
        return TestSocket.wsOf(http);
    }

    /** Netty's own count of the direct memory it holds (pooled chunks included), or the JDK's direct pool without it. */
    private static long directMemory() {
        long netty = PlatformDependent.usedDirectMemory();
        if (netty >= 0) {
            return netty;
        }
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> "direct".equals(pool.getName())).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    @Test
    void pausedReadersAreClosedWhileDirectMemoryStaysBoundedAndOthersKeepTheirLatency() throws Exception {
        Account sender = TestAccounts.signUp();
        Account paused = TestAccounts.signUp();
        Account talker = TestAccounts.signUp();
        Account listener = TestAccounts.signUp();
        String flooded = TestChats.direct(sender, paused);
        String calm = TestChats.direct(talker, listener);

        List<PausedReader> readers = new ArrayList<>();
        try (TestSocket senderSocket = TestSocket.connect(ws(), sender.token());
                TestSocket talkerSocket = TestSocket.connect(ws(), talker.token());
                TestSocket listenerSocket = TestSocket.connect(ws(), listener.token())) {
            for (int i = 0; i < PAUSED; i++) {
                readers.add(PausedReader.connect(http, paused.token()));
            }
            awaitSockets(paused, PAUSED, Duration.ofSeconds(5));

            long before = directMemory();
            AtomicLong peak = new AtomicLong(before);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(directMemory(), Math::max);
                    sleep(10);
                }
            });
            sampler.start();
            CompletableFuture<Long> worstLatency = CompletableFuture.supplyAsync(() -> probeLatency(talkerSocket, listenerSocket, calm, running));

            int sent = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (connections.ofUser(paused.id()).stream().anyMatch(Peer::isLive) && System.nanoTime() < deadline) {
                for (int i = 0; i < 10; i++, sent++) {
                    senderSocket.send("message.send", Map.of("conversationId", flooded, "clientId", "big-" + sent, "text", BIG));
                }
                // as fast as the server stores them, without a backlog of unstored sends in front of the calm conversation
                for (int i = 0; i < 10; i++) {
                    senderSocket.await("message.ack", f -> true, Duration.ofSeconds(10));
                }
            }
            long closing = System.nanoTime();
            // closing: the close frame waits behind what they never read, so the server cuts them off after a grace
            while (!connections.ofUser(paused.id()).isEmpty() && System.nanoTime() < deadline) {
                sleep(50);
            }
            long closedMillis = (System.nanoTime() - closing) / 1_000_000;
            sleep(1000); // the other user keeps talking after the paused sockets are gone
            running.set(false);
            sampler.join();
            long latency = worstLatency.get(10, TimeUnit.SECONDS);

            long grown = peak.get() - before;
            long bound = PAUSED * SmallOutboundQueues.MAX_OUTBOUND_BYTES + SLACK;
            System.out.printf("slow-reader test: sent=%d messages (%d KB each), direct before=%d KB peak=%d KB grown=%d KB bound=%d KB,"
                    + " gone %d ms after closing, worst latency=%d ms%n", sent, Peer.utf8Length(BIG) / 1024, before / 1024, peak.get() / 1024, grown / 1024,
                    bound / 1024, closedMillis, latency);
            assertTrue(connections.ofUser(paused.id()).isEmpty(), "the paused sockets were not closed after " + sent + " messages");
            assertTrue(grown < bound, "direct memory grew by " + grown / 1024 + " KB, bound " + bound / 1024 + " KB");
            assertTrue(latency < 1000, "a message in the calm conversation took " + latency + " ms");
        } finally {
            for (PausedReader reader : readers) {
                reader.close();
            }
        }
    }

    /** Sends a message every 100 ms from talker and times its arrival at listener; returns the worst time in ms. */
    private static long probeLatency(TestSocket talker, TestSocket listener, String conversationId, AtomicBoolean running) {
        long worst = 0;
        for (int i = 0; running.get(); i++) {
            long start = System.nanoTime();
            String text = "probe " + i;
            talker.send("message.send", Map.of("conversationId", conversationId, "clientId", "probe-" + i, "text", text));
            JsonNode got = listener.await("message.new", f -> text.equals(f.at("/data/message/text").asText()), Duration.ofSeconds(5));
            worst = Math.max(worst, (System.nanoTime() - start) / 1_000_000);
            assertTrue(got != null);
            sleep(100);
        }
        return worst;
    }

    private void awaitSockets(Account account, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connections.ofUser(account.id()).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + connections.ofUser(account.id()).size() + " sockets registered");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
