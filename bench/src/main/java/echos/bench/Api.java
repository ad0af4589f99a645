package echos.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The HTTP calls that set a benchmark up: signups (bcrypt: slow, done a few at a time) and conversations. */
final class Api {

    record User(String id, String email, String token) {
    }

    private final String base;
    private final HttpClient http;

    Api(String host, int port) {
        this.base = "http://" + host + ":" + port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private JsonObject call(String method, String path, String token, JsonObject body, int... okStatus) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (int s : okStatus) {
            if (r.statusCode() == s) {
                return r.body() == null || r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body());
            }
        }
        throw new IllegalStateException(method + " " + path + " -> HTTP " + r.statusCode() + " " + r.body());
    }

    /** Creates {@code count} users, {@code concurrency} signups at a time. */
    List<User> signup(String tag, int count, int concurrency) throws Exception {
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<User>> futures = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                final int n = k;
                futures.add(pool.submit(() -> {
                    String email = "bench-" + tag + "-" + n + "@bench.example";
                    JsonObject r = call("POST", "/api/auth/signup", null,
                            new JsonObject().put("fullName", "Bench " + n).put("email", email).put("password", "bench-password-1"), 201);
                    return new User(r.getJsonObject("user").getString("id"), email, r.getString("token"));
                }));
            }
            List<User> users = new ArrayList<>();
            for (Future<User> f : futures) {
                users.add(f.get());
            }
            Log.info("signed up %d users in %.1f s (%d at a time)", count, (System.nanoTime() - t) / 1e9, concurrency);
            return users;
        } finally {
            pool.shutdownNow();
        }
    }

    String direct(User from, User to) throws Exception {
        return call("POST", "/api/conversations/direct", from.token(), new JsonObject().put("userId", to.id()), 200, 201)
                .getJsonObject("conversation").getString("id");
    }

    String group(User owner, String name, List<User> members) throws Exception {
        JsonArray ids = new JsonArray();
        members.forEach(m -> ids.add(m.id()));
        return call("POST", "/api/conversations/groups", owner.token(), new JsonObject().put("name", name).put("memberIds", ids), 201)
                .getJsonObject("conversation").getString("id");
    }

    void me(User u) throws Exception {
        call("GET", "/api/auth/me", u.token(), null, 200);
    }
}
