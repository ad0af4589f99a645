package echos.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Real Socket.IO clients against a running Echos: the Node scripts of src/test/node, each check printed. */
@QuarkusTest
class SocketIoClientsTest {

    @TestHTTPResource("/")
    URI base;

    /** 127.0.0.1, not localhost: Node may resolve localhost to ::1, where the test server does not listen. */
    private String url() {
        return base.toString().replaceAll("/$", "").replace("//localhost:", "//127.0.0.1:");
    }

    @Test
    void socketIoClientConnectsOverPollingAndUpgradesOrOverWebSocketOnlyWithAcksAndConnectErrors() throws Exception {
        NodeScripts.Result result = NodeScripts.node("socketio-client.mjs", 90, url());
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void aChattyStyleClientSignsUpChatsWithTextAndImagesAndSeesPresence() throws Exception {
        NodeScripts.Result result = NodeScripts.node("chatty-client.mjs", 90, url());
        assertEquals(0, result.exitCode(), result.output());
    }
}
