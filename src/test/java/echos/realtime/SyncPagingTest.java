package echos.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** sync in pages: a client far behind catches up page by page on a socket whose outbound queue is small. */
@QuarkusTest
@TestProfile(SmallOutboundQueues.class)
class SyncPagingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BACKLOG = 100_000;

    @TestHTTPResource("/ws")
    URI http;

    @Inject
    @Any
    InjectableInstance<AgroalDataSource> pools;

    @Test
    void aClientOneHundredThousandMessagesBehindCatchesUpInPagesWithoutBeingClosed() throws Exception {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String id = TestChats.direct(a, b);
        Backlog.insert(pools.getActive(), id, a.id(), BACKLOG);

        CatchingUp client = new CatchingUp(id);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + b.token())
                .buildAsync(TestSocket.wsOf(http), client)
                .orTimeout(10, TimeUnit.SECONDS).join();
        client.ask(socket, 0);
        long caughtUp = client.done.orTimeout(50, TimeUnit.SECONDS).join();

        assertEquals(BACKLOG, caughtUp);
        assertEquals(BACKLOG, client.messages.get(), "every message once");
        assertFalse(client.outOfOrder.get() > 0, "messages arrive in seq order with no gap or repeat");
        assertTrue(client.pages.get() > 1, "the backlog came in more than one page");
        assertFalse(client.closedWith.isDone(), "closed with " + client.closedWith.getNow(null));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Like the web client: syncs, and asks again from sync.done's positions while it says more. */
    private static final class CatchingUp implements WebSocket.Listener {
        final String conversationId;
        final AtomicLong lastSeq = new AtomicLong();
        final AtomicInteger messages = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicInteger pages = new AtomicInteger();
        final CompletableFuture<Long> done = new CompletableFuture<>();
        final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        CatchingUp(String conversationId) {
            this.conversationId = conversationId;
        }

        void ask(WebSocket ws, long from) {
            String frame = "{\"type\":\"sync\",\"ref\":\"page-" + pages.get() + "\",\"data\":{\"positions\":{\""
                    + conversationId + "\":{\"seq\":" + from + ",\"change\":0}}}}";
            ws.sendText(frame, true);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    String type = frame.path("type").asText();
                    if ("message.new".equals(type)) {
                        long seq = frame.at("/data/message/seq").asLong();
                        if (seq != lastSeq.get() + 1) {
                            outOfOrder.incrementAndGet();
                        }
                        lastSeq.set(seq);
                        messages.incrementAndGet();
                    } else if ("sync.done".equals(type)) {
                        pages.incrementAndGet();
                        long reached = frame.at("/data/positions/" + conversationId).asLong();
                        if (frame.at("/data/more").asBoolean()) {
                            ask(ws, reached);
                        } else {
                            done.complete(reached);
                        }
                    }
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedWith.complete(statusCode);
            done.completeExceptionally(new AssertionError("closed with " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            done.completeExceptionally(error);
        }
    }
}
