package echos.message;

import echos.auth.Caller;
import echos.common.error.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** HTTP API for a conversation's messages and the caller's read position. */
@Path("/api/conversations/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class MessageResource {

    public record SendRequest(String clientId, String text, String imageId, String replyTo) {
    }

    public record EditRequest(String text) {
    }

    public record ChangesJson(List<MessageStore.Change> changes, Long nextAfter) {
    }

    public record ReadRequest(Long seq) {
    }

    public record One(Message message) {
    }

    public record PageJson(List<Message> messages, Long nextBefore, Long nextAfter) {
    }

    private final SendMessage send;
    private final MessageHistory history;
    private final Receipts receipts;
    private final Caller caller;
    private final ChangeMessage change;

    public MessageResource(SendMessage send, MessageHistory history, Receipts receipts, Caller caller, ChangeMessage change) {
        this.change = change;
        this.send = send;
        this.history = history;
        this.receipts = receipts;
        this.caller = caller;
    }

    @GET
    @Path("/messages")
    public PageJson page(@PathParam("id") String id, @QueryParam("before") String before, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        MessageHistory.Page page = history.page(caller.userId(), id, number("before", before), number("after", after),
                limit == null ? null : number("limit", limit).intValue());
        return new PageJson(page.messages(), page.nextBefore(), page.nextAfter());
    }

    @POST
    @Path("/messages")
    public Response send(@PathParam("id") String id, SendRequest request) {
        SendRequest r = request == null ? new SendRequest(null, null, null, null) : request;
        MessageStore.Appended appended = send.send(caller.userId(), id, r.clientId(), r.text(), r.imageId(), r.replyTo(), null);
        return Response.status(appended.created() ? 201 : 200).entity(new One(appended.message())).build();
    }

    @PATCH
    @Path("/messages/{messageId}")
    public One edit(@PathParam("id") String id, @PathParam("messageId") String messageId, EditRequest request) {
        return new One(change.edit(caller.userId(), id, messageId, request == null ? null : request.text(), null));
    }

    @DELETE
    @Path("/messages/{messageId}")
    @Consumes(MediaType.WILDCARD)
    public Response delete(@PathParam("id") String id, @PathParam("messageId") String messageId) {
        change.delete(caller.userId(), id, messageId, null);
        return Response.noContent().build();
    }

    @GET
    @Path("/changes")
    public ChangesJson changes(@PathParam("id") String id, @QueryParam("after") String after, @QueryParam("limit") String limit) {
        int size = limit == null ? MessageHistory.DEFAULT_LIMIT : number("limit", limit).intValue();
        MessageHistory.ChangePage page = history.changes(caller.userId(), id, after == null ? 0 : number("after", after), size);
        return new ChangesJson(page.changes(), page.nextAfter());
    }

    @POST
    @Path("/read")
    public Response read(@PathParam("id") String id, ReadRequest request) {
        if (request == null || request.seq() == null || request.seq() < 0) {
            throw ApiException.validation(Map.of("seq", "seq must be a number of 0 or more."));
        }
        receipts.read(caller.userId(), id, request.seq());
        return Response.noContent().build();
    }

    private static Long number(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ApiException.validation(Map.of(name, name + " must be a whole number of 0 or more."));
        }
    }
}
