package echos.socketio;

import java.util.Optional;

/**
 * One Socket.IO (protocol v5) packet as text: {@code <type>[<attachments>-][<namespace>,][<ackId>][<JSON>]}. The
 * default namespace "/" is not written. Decoding checks the layout only; the JSON payload is left as text for the
 * caller, who knows what shape the packet type needs.
 */
record SocketIoPacket(int type, String namespace, Long ackId, int attachments, String json) {

    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;
    static final int CONNECT_ERROR = 4;
    static final int BINARY_EVENT = 5;
    static final int BINARY_ACK = 6;

    static final String DEFAULT_NAMESPACE = "/";
    /** Ack ids beyond this are refused, so a hostile id cannot overflow or grow without bound. */
    private static final int MAX_ID_DIGITS = 15;

    static Optional<SocketIoPacket> decode(String text) {
        if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '6') {
            return Optional.empty();
        }
        int type = text.charAt(0) - '0';
        int i = 1;
        int attachments = 0;
        if (type == BINARY_EVENT || type == BINARY_ACK) {
            int dash = text.indexOf('-', i);
            if (dash < 0 || dash == i || dash - i > 6 || !digits(text, i, dash)) {
                return Optional.empty();
            }
            attachments = Integer.parseInt(text.substring(i, dash));
            i = dash + 1;
        }
        String namespace = DEFAULT_NAMESPACE;
        if (i < text.length() && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            int end = comma < 0 ? text.length() : comma;
            namespace = text.substring(i, end);
            i = comma < 0 ? end : comma + 1;
        }
        Long ackId = null;
        int start = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        if (i > start) {
            if (i - start > MAX_ID_DIGITS) {
                return Optional.empty();
            }
            ackId = Long.parseLong(text.substring(start, i));
        }
        String json = i < text.length() ? text.substring(i) : null;
        return Optional.of(new SocketIoPacket(type, namespace, ackId, attachments, json));
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code 2["name",data]}: an event on the default namespace; {@code data} is JSON text. */
    static String event(String quotedName, String data) {
        return data == null ? "2[" + quotedName + "]" : "2[" + quotedName + "," + data + "]";
    }

    /** {@code 3<id>[data]}: the answer to the client's event with that ack id. */
    static String ack(String ackId, String data) {
        return "3" + ackId + "[" + data + "]";
    }

    static String connected(String socketId) {
        return "0{\"sid\":\"" + socketId + "\"}";
    }

    /** {@code 4[<namespace>,]{"message":...}}: the connection to the namespace is refused. */
    static String connectError(String namespace, String quotedMessage) {
        String prefix = DEFAULT_NAMESPACE.equals(namespace) ? "4" : "4" + namespace + ",";
        return prefix + "{\"message\":" + quotedMessage + "}";
    }

    static String disconnect() {
        return "1";
    }
}
