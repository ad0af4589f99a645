package echos.socketio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The two events of the Chatty app (docs/chatty.md), for a client that connected as Chatty's does (with a
 * {@code userId} query), kept per connection from the Echos frames the connection gets:
 * {@code getOnlineUsers} (the user's own id and the contacts the presence frames say are online, sent again at each
 * change) and {@code newMessage} (a live direct message from someone else, in Chatty's message shape). Group
 * messages are not sent as {@code newMessage}: Chatty's client would show them in a 1:1 thread.
 */
final class ChattyEvents {

    private final String userId;
    private final ObjectMapper json;
    private final Set<String> online = Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile boolean started;

    ChattyEvents(String userId, ObjectMapper json) {
        this.userId = userId;
        this.json = json;
    }

    /** After the presence snapshot: from now on every presence change sends the list again. */
    String start() {
        started = true;
        return onlineUsers();
    }

    /** The Chatty event this outbound Echos frame also makes, if any (a Socket.IO packet without the Engine.IO type). */
    Optional<String> from(OutboundText frame) {
        if (frame.ref() != null || frame.data() == null) {
            return Optional.empty();
        }
        String type = frame.type();
        if ("presence".equals(type)) {
            return presence(frame.data());
        }
        if ("message.new".equals(type) && frame.data().contains("\"conversationType\":\"direct\"")) {
            return newMessage(frame.data());
        }
        return Optional.empty();
    }

    private Optional<String> presence(String data) {
        JsonNode node = read(data);
        JsonNode who = node == null ? null : node.get("userId");
        if (who == null || !who.isTextual()) {
            return Optional.empty();
        }
        boolean changed = node.path("online").asBoolean() ? online.add(who.asText()) : online.remove(who.asText());
        return started && changed ? Optional.of(onlineUsers()) : Optional.empty();
    }

    private String onlineUsers() {
        ArrayNode ids = json.createArrayNode().add(userId);
        synchronized (online) {
            online.stream().filter(id -> !id.equals(userId)).forEach(ids::add);
        }
        return SocketIoPacket.event("\"getOnlineUsers\"", ids.toString());
    }

    private Optional<String> newMessage(String data) {
        JsonNode node = read(data);
        JsonNode message = node == null ? null : node.get("message");
        if (message == null || !"direct".equals(node.path("conversationType").asText()) || message.path("deleted").asBoolean()
                || userId.equals(message.path("senderId").asText())) {
            return Optional.empty();
        }
        ObjectNode chatty = json.createObjectNode();
        chatty.put("_id", message.path("id").asText());
        chatty.put("senderId", message.path("senderId").asText());
        chatty.put("receiverId", userId);
        chatty.put("text", message.path("text").asText(""));
        JsonNode image = message.path("image").path("url");
        if (image.isTextual()) {
            chatty.put("image", image.asText());
        }
        chatty.set("createdAt", message.path("createdAt"));
        chatty.set("updatedAt", message.path("editedAt").isTextual() ? message.get("editedAt") : message.path("createdAt"));
        chatty.put("__v", 0);
        return Optional.of(SocketIoPacket.event("\"newMessage\"", chatty.toString()));
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
