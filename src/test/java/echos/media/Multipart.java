package echos.media;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Just enough multipart/form-data (and urlencoded) parsing for the Cloudinary stand-in. */
record Multipart(Map<String, String> fields, byte[] file) {

    static Multipart parse(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Map<String, String> fields = new HashMap<>();
        if (!type.startsWith("multipart/form-data")) {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.contains("=")) {
                    String[] kv = pair.split("=", 2);
                    fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
            return new Multipart(fields, null);
        }
        String boundary = "--" + type.substring(type.indexOf("boundary=") + 9).replace("\"", "").split(";")[0].trim();
        byte[] marker = boundary.getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = null;
        int position = indexOf(body, marker, 0);
        while (position >= 0) {
            int start = position + marker.length + 2;
            int next = indexOf(body, marker, start);
            if (next < 0 || start >= body.length) {
                break;
            }
            byte[] part = Arrays.copyOfRange(body, start, next - 2);
            int split = indexOf(part, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String headers = new String(part, 0, split, StandardCharsets.ISO_8859_1);
            byte[] content = Arrays.copyOfRange(part, split + 4, part.length);
            String name = headers.replaceAll("(?s).*name=\"([^\"]*)\".*", "$1");
            if (headers.contains("filename=") || "file".equals(name)) {
                file = content;
            } else {
                fields.put(name, new String(content, StandardCharsets.UTF_8));
            }
            position = next;
        }
        return new Multipart(fields, file);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
