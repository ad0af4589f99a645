package echos.search;

import echos.auth.Caller;
import echos.common.error.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** HTTP API for searching the messages of the caller's conversations. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SearchResource {

    private final SearchMessages search;
    private final Caller caller;

    public SearchResource(SearchMessages search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @GET
    @Path("/messages")
    public SearchMessages.Page messages(@QueryParam("q") String q, @QueryParam("conversationId") String conversationId,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return search.search(caller.userId(), q, conversationId == null || conversationId.isEmpty() ? null : conversationId,
                limit == null || limit.isEmpty() ? null : number(limit), cursor);
    }

    private static Integer number(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(Map.of("limit", "limit must be a whole number."));
        }
    }
}
