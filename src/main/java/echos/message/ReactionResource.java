package echos.message;

import echos.auth.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** HTTP API for emoji reactions: PUT adds the caller's emoji to a message, DELETE removes it; both answer the message. */
@Path("/api/conversations/{id}/messages/{messageId}/reactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
@Authenticated
public class ReactionResource {

    private final ReactToMessage react;
    private final Caller caller;

    public ReactionResource(ReactToMessage react, Caller caller) {
        this.react = react;
        this.caller = caller;
    }

    @PUT
    @Path("/{emoji}")
    public MessageResource.One add(@PathParam("id") String id, @PathParam("messageId") String messageId, @PathParam("emoji") String emoji) {
        return new MessageResource.One(react.react(caller.userId(), id, messageId, emoji, true, null));
    }

    @DELETE
    @Path("/{emoji}")
    public MessageResource.One remove(@PathParam("id") String id, @PathParam("messageId") String messageId,
            @PathParam("emoji") String emoji) {
        return new MessageResource.One(react.react(caller.userId(), id, messageId, emoji, false, null));
    }

    /** Without an emoji in the path: refused as a missing emoji, not as an unknown address. */
    @PUT
    public MessageResource.One addNothing(@PathParam("id") String id, @PathParam("messageId") String messageId) {
        return add(id, messageId, "");
    }

    @DELETE
    public MessageResource.One removeNothing(@PathParam("id") String id, @PathParam("messageId") String messageId) {
        return remove(id, messageId, "");
    }
}
