package echos.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretTest {

    @Test
    void generatesAnOwnerOnlySecretFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        JwtSecret first = JwtSecret.resolve(null, dir.resolve("nested"));
        Path file = dir.resolve("nested").resolve(JwtSecret.FILE_NAME);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertArrayEquals(first.key(), JwtSecret.resolve("", dir.resolve("nested")).key());
    }

    @Test
    void usesTheConfiguredSecretAndWritesNoFile(@TempDir Path dir) {
        JwtSecret configured = JwtSecret.resolve("a configured secret that is long enough", dir);
        assertArrayEquals(JwtSecret.fromSecret("a configured secret that is long enough").key(), configured.key());
        assertFalse(Files.exists(dir.resolve(JwtSecret.FILE_NAME)));
        assertEquals(32, configured.key().length);
    }
}
