package echos.realtime;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.HttpConnection;
import java.util.function.BooleanSupplier;

/** The raw WebSocket at {@code /ws}: each outbound frame is one text message, as is. */
final class WebSocketTransport implements Transport {

    private final WebSocketConnection connection;
    private final HttpConnection tcp;
    private final CloseDeadline closeDeadline;
    private final BooleanSupplier stillOpen;

    /** @param stillOpen whether the socket has not finished closing, for the deadline that cuts a close never answered */
    WebSocketTransport(WebSocketConnection connection, HttpConnection tcp, CloseDeadline closeDeadline, BooleanSupplier stillOpen) {
        this.connection = connection;
        this.tcp = tcp;
        this.closeDeadline = closeDeadline;
        this.stillOpen = stillOpen;
    }

    @Override
    public String id() {
        return connection.id();
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void send(String frame, Runnable written) {
        connection.sendText(frame).subscribe().with(ok -> written.run(), failure -> written.run());
    }

    @Override
    public void close(int code, String reason) {
        connection.close(new CloseReason(code, reason)).subscribe().with(ok -> { }, failure -> { });
        closeDeadline.start(connection.id(), tcp, stillOpen);
    }
}
