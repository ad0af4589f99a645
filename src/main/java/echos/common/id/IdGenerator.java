package echos.common.id;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * Opaque, URL-safe, roughly time-ordered ids in MongoDB's ObjectId layout: 4 bytes of seconds since the epoch, then
 * 8 random bytes, as 24 lowercase hex characters. Chatty's ids have this form (its clients and tools expect it), and
 * on MongoDB such an id is stored as an ObjectId, so what Echos writes stays readable by Chatty after a rollback.
 * Ids made before this layout (26-character ULIDs) stay valid: nothing parses an id.
 */
@ApplicationScoped
public class IdGenerator {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public IdGenerator(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long seconds = clock.millis() / 1000;
        long entropy = random.nextLong();
        char[] out = new char[24];
        for (int i = 7; i >= 0; i--) {
            out[i] = HEX[(int) (seconds & 15)];
            seconds >>>= 4;
        }
        for (int i = 23; i >= 8; i--) {
            out[i] = HEX[(int) (entropy & 15)];
            entropy >>>= 4;
        }
        return new String(out);
    }
}
