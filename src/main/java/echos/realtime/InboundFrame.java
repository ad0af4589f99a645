package echos.realtime;

import com.fasterxml.jackson.databind.JsonNode;

/** A frame from a client: {"type", "ref"?, "data"}. */
public record InboundFrame(String type, String ref, JsonNode data) {

    public String text(String field) {
        JsonNode node = data == null ? null : data.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    public Long number(String field) {
        JsonNode node = data == null ? null : data.get(field);
        return node == null || !node.canConvertToLong() || !node.isIntegralNumber() ? null : node.asLong();
    }

    public JsonNode node(String field) {
        return data == null ? null : data.get(field);
    }
}
