package echos.media;

import echos.auth.Caller;
import echos.common.error.ApiException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** HTTP API for images: upload one for a message, and fetch images one may see. */
@Path("/api/media")
@Authenticated
public class MediaResource {

    static final String CACHE_FOREVER = "private, max-age=31536000, immutable";

    private final UploadMedia upload;
    private final MediaAccess access;
    private final BlobStore blobs;
    private final Caller caller;

    public MediaResource(UploadMedia upload, MediaAccess access, BlobStore blobs, Caller caller) {
        this.upload = upload;
        this.access = access;
        this.blobs = blobs;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestForm("file") FileUpload file) {
        Media stored = upload.upload(caller.userId(), MediaKind.MESSAGE, read(file, upload.maxBytes()), false);
        return Response.status(201).entity(MediaView.of(stored)).build();
    }

    @GET
    @Path("/{id}")
    public Response original(@PathParam("id") String id) {
        return serve(id, false);
    }

    @GET
    @Path("/{id}/thumbnail")
    public Response thumbnail(@PathParam("id") String id) {
        return serve(id, true);
    }

    private Response serve(String id, boolean thumbnail) {
        Media m = access.requireVisible(id, caller.userId());
        String external = thumbnail ? m.thumbnailUrl() : m.url();
        if (external.startsWith("http")) {
            return Response.status(302).location(URI.create(external)).header("Cache-Control", CACHE_FOREVER).build();
        }
        byte[] bytes = blobs.read(m.id(), thumbnail).orElseThrow(ApiException::notFound);
        return Response.ok(bytes, m.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", CACHE_FOREVER)
                .header("Content-Disposition", "inline")
                .build();
    }

    /** Reads an uploaded part, refusing a missing one and one over the limit. */
    static byte[] read(FileUpload file, long maxBytes) {
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.validation(Map.of("file", "Attach an image in the form field \"file\"."));
        }
        try {
            if (Files.size(file.uploadedFile()) > maxBytes) {
                throw ImageRejected.tooLarge(maxBytes);
            }
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file.uploadedFile());
            } catch (IOException ignored) {
                // Quarkus removes upload temp files at the end of the request too
            }
        }
    }
}
