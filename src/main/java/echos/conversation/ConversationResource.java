package echos.conversation;

import echos.auth.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** HTTP API for conversations and their members. */
@Path("/api/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class ConversationResource {

    public record DirectRequest(String userId) {
    }

    public record GroupRequest(String name, List<String> memberIds) {
    }

    public record RenameRequest(String name) {
    }

    public record MembersRequest(List<String> userIds) {
    }

    public record RoleRequest(String role) {
    }

    public record MuteRequest(String duration) {
    }

    public record One(ConversationView conversation) {
    }

    public record All(List<ConversationView> conversations) {
    }

    private final StartConversation start;
    private final ManageGroup manage;
    private final ConversationAccess access;
    private final MuteConversation mutes;
    private final ConversationStore conversations;
    private final ConversationViews views;
    private final Caller caller;

    public ConversationResource(StartConversation start, ManageGroup manage, ConversationAccess access,
            MuteConversation mutes, ConversationStore conversations, ConversationViews views, Caller caller) {
        this.mutes = mutes;
        this.start = start;
        this.manage = manage;
        this.access = access;
        this.conversations = conversations;
        this.views = views;
        this.caller = caller;
    }

    @GET
    public All list() {
        return new All(views.list(conversations.listForUser(caller.userId()), caller.userId()));
    }

    @GET
    @Path("/{id}")
    public One get(@PathParam("id") String id) {
        return view(access.requireMember(id, caller.userId()));
    }

    @POST
    @Path("/direct")
    public Response direct(DirectRequest request) {
        ConversationStore.DirectResult result = start.direct(caller.userId(), request == null ? null : request.userId());
        return Response.status(result.created() ? 201 : 200).entity(view(result.conversation())).build();
    }

    @POST
    @Path("/groups")
    public Response group(GroupRequest request) {
        GroupRequest r = request == null ? new GroupRequest(null, null) : request;
        return Response.status(201).entity(view(start.group(caller.userId(), r.name(), r.memberIds()))).build();
    }

    @PATCH
    @Path("/{id}")
    public One rename(@PathParam("id") String id, RenameRequest request) {
        return view(manage.rename(caller.userId(), id, request == null ? null : request.name()));
    }

    @POST
    @Path("/{id}/members")
    public One addMembers(@PathParam("id") String id, MembersRequest request) {
        return view(manage.addMembers(caller.userId(), id, request == null ? null : request.userIds()));
    }

    @DELETE
    @Path("/{id}/members/{userId}")
    @Consumes(MediaType.WILDCARD)
    public Response removeMember(@PathParam("id") String id, @PathParam("userId") String userId) {
        manage.removeMember(caller.userId(), id, userId);
        return Response.noContent().build();
    }

    @PATCH
    @Path("/{id}/members/{userId}")
    public One setRole(@PathParam("id") String id, @PathParam("userId") String userId, RoleRequest request) {
        return view(manage.setRole(caller.userId(), id, userId, request == null ? null : request.role()));
    }

    @PUT
    @Path("/{id}/mute")
    public One mute(@PathParam("id") String id, MuteRequest request) {
        return view(mutes.mute(caller.userId(), id, request == null ? null : request.duration()));
    }

    @DELETE
    @Path("/{id}/mute")
    @Consumes(MediaType.WILDCARD)
    public One unmute(@PathParam("id") String id) {
        return view(mutes.unmute(caller.userId(), id));
    }

    private One view(Conversation conversation) {
        return new One(views.of(conversation, caller.userId()));
    }
}
