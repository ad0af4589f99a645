package echos.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void convertsLibpqStyleUrlsWithDecodedCredentials() {
        assertEquals(new DatabaseUrl("jdbc:postgresql://db.internal:6543/chat?sslmode=require", "echos", "p@ss:w/rd"),
                DatabaseUrl.parse("postgres://echos:p%40ss%3Aw%2Frd@db.internal:6543/chat?sslmode=require"));
        assertEquals(new DatabaseUrl("jdbc:postgresql://localhost/echos", null, null), DatabaseUrl.parse("postgresql://localhost/echos"));
    }

    @Test
    void keepsJdbcUrlsAsTheyAre() {
        assertEquals(new DatabaseUrl("jdbc:postgresql://h:5432/d?user=u", null, null), DatabaseUrl.parse(" jdbc:postgresql://h:5432/d?user=u "));
    }

    @Test
    void refusesOtherDatabases() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mongodb://localhost/x"));
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgres:///nohost"));
    }

    @Test
    void neverPrintsThePassword() {
        assertEquals(false, DatabaseUrl.parse("postgres://u:secret@h/d").toString().contains("secret"));
    }
}
