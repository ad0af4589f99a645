package echos.common.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    private final AllowedOrigins origins = new AllowedOrigins(Optional.of(" https://chat.example.com , http://localhost:5173/"));

    @Test
    void allowsTheServersOwnOriginByHostHeader() {
        assertTrue(origins.isAllowed("http://localhost:5001", "localhost:5001"));
        assertTrue(origins.isAllowed("https://echos.example.org", "echos.example.org"));
        assertFalse(origins.isAllowed("http://localhost:5002", "localhost:5001"));
        assertFalse(origins.isAllowed("http://evil.example", "localhost:5001"));
    }

    @Test
    void allowsConfiguredOriginsIgnoringCaseAndTrailingSlash() {
        assertTrue(origins.isAllowed("HTTPS://Chat.Example.com", "other:1"));
        assertTrue(origins.isAllowed("https://chat.example.com:443", "other:1"));
        assertTrue(origins.isAllowed("http://localhost:5173", "localhost:5001"));
        assertFalse(origins.isAllowed("http://chat.example.com", "other:1"));
    }

    @Test
    void refusesOpaqueAndMalformedOrigins() {
        assertFalse(origins.isAllowed("null", "localhost:5001"));
        assertFalse(origins.isAllowed("file://", "localhost:5001"));
        assertFalse(origins.isAllowed("::::", "localhost:5001"));
    }
}
