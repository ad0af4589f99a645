package echos.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A local stand-in for Cloudinary's upload API (no test can reach Cloudinary from here). It accepts only signed
 * requests, checking the signature the way Cloudinary documents it (SHA-1 of the sorted parameters plus the API
 * secret), stores uploads in memory and serves them at the secure_url it returns.
 */
public final class CloudinaryStandIn implements AutoCloseable {

    public static final String CLOUD = "demo-cloud";
    public static final String KEY = "123456789012345";
    public static final String SECRET = "stand-in-secret";

    private final HttpServer server;
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();

    public CloudinaryStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1_1/" + CLOUD + "/image/upload", this::upload);
        server.createContext("/v1_1/" + CLOUD + "/image/destroy", this::destroy);
        server.createContext("/" + CLOUD + "/image/upload/", this::serve);
        server.start();
    }

    public String prefix() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int badSignatures() {
        return badSignatures.get();
    }

    public boolean holds(String publicId) {
        return stored.containsKey(publicId);
    }

    private void upload(HttpExchange exchange) throws IOException {
        Multipart form = Multipart.parse(exchange);
        if (!signed(form.fields())) {
            reply(exchange, 401, "{\"error\":{\"message\":\"Invalid Signature\"}}");
            return;
        }
        String publicId = form.fields().get("public_id");
        byte[] file = form.file();
        if (publicId == null || file == null) {
            reply(exchange, 400, "{\"error\":{\"message\":\"Missing file or public_id\"}}");
            return;
        }
        stored.put(publicId, file);
        reply(exchange, 200, "{\"public_id\":\"" + publicId + "\",\"secure_url\":\"" + prefix() + "/" + CLOUD + "/image/upload/" + publicId
                + "\",\"bytes\":" + file.length + "}");
    }

    private void destroy(HttpExchange exchange) throws IOException {
        Map<String, String> fields = Multipart.parse(exchange).fields();
        if (!signed(fields)) {
            reply(exchange, 401, "{\"error\":{\"message\":\"Invalid Signature\"}}");
            return;
        }
        boolean removed = stored.remove(fields.get("public_id")) != null;
        reply(exchange, 200, "{\"result\":\"" + (removed ? "ok" : "not found") + "\"}");
    }

    private void serve(HttpExchange exchange) throws IOException {
        String publicId = exchange.getRequestURI().getPath().substring(("/" + CLOUD + "/image/upload/").length());
        byte[] bytes = stored.get(publicId);
        if (bytes == null) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private boolean signed(Map<String, String> fields) {
        String signature = fields.get("signature");
        if (!KEY.equals(fields.get("api_key")) || signature == null || fields.get("timestamp") == null) {
            badSignatures.incrementAndGet();
            return false;
        }
        TreeMap<String, String> signedParams = new TreeMap<>(fields);
        for (String excluded : new String[] {"file", "api_key", "signature", "resource_type", "cloud_name"}) {
            signedParams.remove(excluded);
        }
        String toSign = signedParams.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&")) + SECRET;
        try {
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(toSign.getBytes(StandardCharsets.UTF_8)));
            if (expected.equals(signature)) {
                return true;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        badSignatures.incrementAndGet();
        return false;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
