package echos.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The joiner and length edge cases of DisplayText, without a server. */
class DisplayTextTest {

    private final DisplayText name = new DisplayText("Name", 5, 12);
    private final DisplayText roomy = new DisplayText("Name", 20, 80);

    @Test
    void allowsAJoinerOnlyBetweenTwoEmoji() {
        assertNull(roomy.problem("\uD83D\uDC68\u200D\uD83D\uDCBB"));                    // man ZWJ laptop
        assertNull(roomy.problem("\u2764\uFE0F\u200D\uD83D\uDD25"));                    // heart VS16 ZWJ fire
        assertTrue(roomy.problem("\u200D\uD83D\uDCBB").contains("invisible"));          // nothing before it
        assertTrue(roomy.problem("\uD83D\uDC68\u200D").contains("invisible"));          // nothing after it
        assertTrue(roomy.problem("a\u200D\uD83D\uDCBB").contains("invisible"));         // a letter before it
        assertTrue(roomy.problem("\uD83D\uDC68\u200D\u200D\uD83D\uDCBB").contains("invisible")); // two in a row
        assertTrue(roomy.problem("\uD83D\uDC68\u200C\uD83D\uDCBB").contains("invisible")); // non-joiner is no emoji glue
    }

    @Test
    void limitsCodePointsAndBytesSeparately() {
        assertNull(name.problem("abcde"));
        assertTrue(name.problem("abcdef").contains("at most 5"));
        assertNull(name.problem("\u00E9\u00E9\u00E9\u00E9\u00E9"));                      // 5 code points, 10 bytes
        assertTrue(name.problem("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00").contains("12 bytes")); // 4 code points, 16 bytes
    }

    @Test
    void namesTheFieldInEveryProblem() {
        assertEquals("Name is required.", name.problem(""));
        assertTrue(name.problem("a\tb").startsWith("Name must not contain control characters"));
    }
}
