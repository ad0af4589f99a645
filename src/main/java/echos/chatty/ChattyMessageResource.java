package echos.chatty;

import echos.auth.Caller;
import echos.chatty.ChattyJson.ChatMessage;
import echos.chatty.ChattyJson.Contact;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Chatty's message endpoints; {@code {id}} is always the other user's id. The literal {@code users} wins over {@code {id}}. */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ChattyMessageResource {

    /** The body of {@code POST /api/messages/send/{id}}: text (may be empty) and an image data URL or null. */
    public record SendRequest(String text, String image) {
    }

    private final ChattyChat chat;
    private final Caller caller;

    public ChattyMessageResource(ChattyChat chat, Caller caller) {
        this.chat = chat;
        this.caller = caller;
    }

    @GET
    @Path("/users")
    public List<Contact> users() {
        return chat.others(caller.userId());
    }

    @GET
    @Path("/{id}")
    public List<ChatMessage> history(@PathParam("id") String otherUserId) {
        return chat.history(caller.userId(), otherUserId);
    }

    @POST
    @Path("/send/{id}")
    public Response send(@PathParam("id") String otherUserId, SendRequest request) {
        SendRequest r = request == null ? new SendRequest(null, null) : request;
        return Response.status(201).entity(chat.send(caller.userId(), otherUserId, r.text(), r.image())).build();
    }
}
