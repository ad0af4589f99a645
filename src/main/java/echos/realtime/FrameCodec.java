package echos.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Reads and writes socket frames with the application's Jackson settings (ISO dates, like the HTTP API). */
@ApplicationScoped
public class FrameCodec {

    private final ObjectMapper json;

    public FrameCodec(ObjectMapper json) {
        this.json = json;
    }

    /** @return the frame, or empty when the text is not a JSON object with a string "type" */
    public Optional<InboundFrame> decode(String text) {
        try {
            JsonNode root = json.readTree(text);
            if (root == null || !root.isObject() || !root.path("type").isTextual()) {
                return Optional.empty();
            }
            JsonNode ref = root.get("ref");
            JsonNode data = root.get("data");
            return Optional.of(new InboundFrame(root.get("type").asText(), ref == null || ref.isNull() ? null : ref.asText(),
                    data == null || !data.isObject() ? json.createObjectNode() : data));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    public String encode(OutboundFrame frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
