package echos.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Echos' own hashes, and hashes as Chatty's bcryptjs wrote them ($2a$ and $2b$, cost 10, first 72 UTF-8 bytes). */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10);

    /** What bcryptjs 2.4.3 stores: bcrypt over the UTF-8 bytes, of which only the first 72 count. */
    private static String bcryptjs(BCrypt.Version version, String password) {
        return new String(BCrypt.with(version, LongPasswordStrategies.truncate(version))
                .hash(10, password.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void verifiesItsOwnHashesAndTellsLongPasswordsApartBeyondByte72() {
        String base = "x".repeat(72);
        String hash = hasher.hash(base + "one");
        assertTrue(hasher.matches(base + "one", hash));
        assertFalse(hasher.matches(base + "two", hash), "Echos' own hashes keep every byte of a long password");
        assertFalse(hasher.matches("wrong", hash));
    }

    @Test
    void verifiesChattyHashesIncludingLongPasswordsTruncatedAtByte72() {
        assertTrue(hasher.matches("chatty password", bcryptjs(BCrypt.Version.VERSION_2A, "chatty password")));
        assertFalse(hasher.matches("chatty passwore", bcryptjs(BCrypt.Version.VERSION_2A, "chatty password")));
        assertTrue(hasher.matches("b prefix too", bcryptjs(BCrypt.Version.VERSION_2B, "b prefix too")), "$2b$ hashes verify");

        String longOne = "\u00e9".repeat(40) + " and more"; // 80 UTF-8 bytes: bcryptjs used the first 72
        String chatty = bcryptjs(BCrypt.Version.VERSION_2A, longOne);
        assertTrue(hasher.matches(longOne, chatty), "the password the user typed in Chatty still works");
        assertTrue(hasher.matches("\u00e9".repeat(36) + "anything", chatty), "as in Chatty, bytes after the 72nd never counted");
        assertFalse(hasher.matches("\u00e9".repeat(35) + "x", chatty));
    }
}
