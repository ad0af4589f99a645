package echos.realtime;

/** Why the server closes a chat socket: the close codes of docs/protocol.md, in one place. */
public final class CloseCodes {

    /** Silent past WS_IDLE_TIMEOUT. */
    public static final short GOING_AWAY = 1001;
    /** A frame over WS_MAX_FRAME_SIZE. */
    public static final short MESSAGE_TOO_BIG = 1009;
    /** The outbound queue went over WS_MAX_OUTBOUND_QUEUE frames or WS_MAX_OUTBOUND_BYTES; the client reconnects and syncs. */
    public static final short SLOW_CONSUMER = 4008;
    /** The account opened more than WS_MAX_SOCKETS_PER_ACCOUNT sockets; this was its oldest. The client does not reconnect on its own. */
    public static final short TOO_MANY_SOCKETS = 4029;
    /** The session's lifetime ran out; the client logs in again. */
    public static final short SESSION_EXPIRED = 4401;
    /** The session was ended (logout, password change or reset); the client logs in again. */
    public static final short SESSION_REVOKED = 4403;

    private CloseCodes() {
    }
}
