package echos.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * An outbound Echos frame split into what a Socket.IO packet needs: the type (still JSON-quoted), the ref (the ack
 * id it answers, if any) and the data as JSON text. Frames come from {@code FrameCodec}, which writes the record
 * {@code {"type","ref"?,"data"}} in that order, so a scan finds the parts without parsing the data; anything else
 * falls back to a full parse.
 */
record OutboundText(String quotedType, String ref, String data) {

    private static final String TYPE = "{\"type\":";
    private static final String REF = ",\"ref\":";
    private static final String DATA = ",\"data\":";

    static Optional<OutboundText> split(String frame, ObjectMapper json) {
        if (frame.startsWith(TYPE) && frame.endsWith("}")) {
            int typeEnd = stringEnd(frame, TYPE.length());
            if (typeEnd > 0) {
                String quotedType = frame.substring(TYPE.length(), typeEnd);
                int at = typeEnd;
                String ref = null;
                if (frame.startsWith(REF, at)) {
                    int refEnd = stringEnd(frame, at + REF.length());
                    if (refEnd < 0) {
                        return parsed(frame, json);
                    }
                    ref = unquoteSimple(frame.substring(at + REF.length(), refEnd));
                    at = refEnd;
                }
                if (frame.startsWith(DATA, at)) {
                    return Optional.of(new OutboundText(quotedType, ref, frame.substring(at + DATA.length(), frame.length() - 1)));
                }
                if (at == frame.length() - 1) {
                    return Optional.of(new OutboundText(quotedType, ref, null));
                }
            }
        }
        return parsed(frame, json);
    }

    /** The type without its quotes when it needs no unescaping (every type Echos sends). */
    String type() {
        return quotedType.substring(1, quotedType.length() - 1);
    }

    /** The index just past the closing quote of the JSON string starting at {@code from}, or -1. */
    private static int stringEnd(String text, int from) {
        if (from >= text.length() || text.charAt(from) != '"') {
            return -1;
        }
        for (int i = from + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** Refs are the ack ids this transport put there, digits only; anything needing unescaping is no ack id. */
    private static String unquoteSimple(String quoted) {
        String inner = quoted.substring(1, quoted.length() - 1);
        return inner.indexOf('\\') >= 0 ? null : inner;
    }

    private static Optional<OutboundText> parsed(String frame, ObjectMapper json) {
        try {
            JsonNode root = json.readTree(frame);
            if (root == null || !root.path("type").isTextual()) {
                return Optional.empty();
            }
            JsonNode ref = root.get("ref");
            JsonNode data = root.get("data");
            return Optional.of(new OutboundText(json.writeValueAsString(root.get("type").asText()),
                    ref == null || !ref.isTextual() ? null : ref.asText(), data == null ? null : json.writeValueAsString(data)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
