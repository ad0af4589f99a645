package echos.common.web;

import echos.common.error.ApiException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.common.util.EmptyInputStream;

/**
 * Every JSON request body passes through here on its way to Jackson. It is counted as it streams in, so a body sent
 * without a Content-Length is cut off with 413 payload_too_large once it passes its limit ({@link JsonBodyLimits}: MAX_BODY_SIZE on most endpoints) instead of being read
 * whole ({@link BodySizeLimit} refuses declared lengths before this). And a body that is the literal {@code null}
 * is refused like any other wrong shape; an absent body still reaches the endpoint as null (its fields are missing).
 */
@Provider
public class JsonBodyGuard implements ReaderInterceptor {

    private final JsonBodyLimits limits;
    private final CurrentVertxRequest request;

    public JsonBodyGuard(JsonBodyLimits limits, CurrentVertxRequest request) {
        this.limits = limits;
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream body = context.getInputStream();
        if (body instanceof EmptyInputStream || context.getMediaType() == null
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        RoutingContext rc = request.getCurrent();
        long maxJsonBytes = rc == null ? limits.limitFor(null, null) : limits.limitFor(rc.request().method().name(), rc.normalizedPath());
        CountedBody counted = new CountedBody(body, maxJsonBytes);
        context.setInputStream(counted);
        Object value;
        try {
            value = context.proceed();
        } catch (IOException | RuntimeException e) {
            if (counted.overLimit()) {
                throw tooLarge(maxJsonBytes);
            }
            throw e;
        }
        if (value == null && counted.sawContent()) {
            throw ApiException.malformedJson();
        }
        return value;
    }

    private static ApiException tooLarge(long maxJsonBytes) {
        return new ApiException(413, "payload_too_large", "The request body is larger than " + maxJsonBytes + " bytes.");
    }

    /** Counts bytes as Jackson pulls them and fails the read once past the limit; notes whether anything but whitespace came. */
    private static final class CountedBody extends InputStream {
        private final InputStream in;
        private final long limit;
        private long count;
        private boolean content;

        CountedBody(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        boolean overLimit() {
            return count > limit;
        }

        boolean sawContent() {
            return content;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
                content |= !Character.isWhitespace(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
                for (int i = offset; !content && i < offset + n; i++) {
                    content = !Character.isWhitespace(buffer[i]);
                }
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new IOException("request body over " + limit + " bytes");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
