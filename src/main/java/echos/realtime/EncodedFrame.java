package echos.realtime;

import java.nio.charset.StandardCharsets;

/**
 * One outbound frame's JSON text and its UTF-8 bytes, made once per fan-out: every socket it goes to writes these
 * same bytes and counts their length against its limits, with no encoding of its own.
 */
public final class EncodedFrame {

    private final String text;
    private final byte[] utf8;

    public EncodedFrame(String text) {
        this.text = text;
        this.utf8 = text.getBytes(StandardCharsets.UTF_8);
    }

    public String text() {
        return text;
    }

    /** The UTF-8 bytes; shared by every socket, so never written to. */
    byte[] utf8() {
        return utf8;
    }

    public int byteLength() {
        return utf8.length;
    }
}
