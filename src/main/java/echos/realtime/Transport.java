package echos.realtime;

/**
 * How a {@link Peer} reaches its client: one implementation per protocol ({@code /ws}, Socket.IO). Every
 * transport is handed the same outbound frames (the JSON text of an {@link OutboundFrame}, encoded once per
 * fan-out) and frames them its own way; limits, presence and dispatch stay in {@link Peer} and {@link PeerLifecycle}.
 */
public interface Transport {

    /** Unique on this node; presence and the socket cap know the socket by it. */
    String id();

    boolean isOpen();

    /** Writes one outbound frame; {@code written} runs once when the write completed or failed. */
    void send(EncodedFrame frame, Runnable written);

    /** The server closes the socket with this code and reason (a transport may also cut it after a grace). */
    void close(int code, String reason);

    /** Asks the client for a sign of life, every WS_PING_INTERVAL ({@link SocketPings}); a protocol that pings by itself ignores it. */
    default void ping() {
    }
}
