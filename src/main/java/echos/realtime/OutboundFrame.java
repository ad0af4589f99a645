package echos.realtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A frame to clients: {"type", "ref"?, "data"}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboundFrame(String type, String ref, Object data) {

    public static OutboundFrame of(String type, Object data) {
        return new OutboundFrame(type, null, data);
    }

    public static OutboundFrame reply(String type, String ref, Object data) {
        return new OutboundFrame(type, ref, data);
    }

    public static OutboundFrame error(String ref, String code, String message) {
        return new OutboundFrame("error", ref, Map.of("code", code, "message", message));
    }
}
