package echos.socketio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One-off Engine.IO requests with chosen headers, outside any session. */
final class EngineIoClientRequests {

    private EngineIoClientRequests() {
    }

    static HttpResponse<String> get(URI base, String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/socket.io/?" + query)).timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(request::header);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
