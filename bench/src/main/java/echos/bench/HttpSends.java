package echos.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * {@code --send-over http}: each message is a {@code POST /api/conversations/{id}/messages} (what integrations and
 * the Node app's own frontend do) on a pool of keep-alive HTTP/1.1 connections; the 201's message counts as the ack.
 * Sockets still receive the deliveries.
 */
final class HttpSends {

    record Reply(int status, Buffer body) {
    }

    private final HttpClient client;
    private final String host;
    private final int port;

    HttpSends(Vertx vertx, String host, int port, int connections) {
        this.host = host;
        this.port = port;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setConnectTimeout(30_000),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    Future<Reply> post(String token, String conversationId, String json) {
        RequestOptions o = new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                .setURI("/api/conversations/" + conversationId + "/messages")
                .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json");
        return client.request(o).compose(req -> req.send(json)).compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b)));
    }
}
