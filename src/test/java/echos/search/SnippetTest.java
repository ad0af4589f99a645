package echos.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void cutsAroundTheFirstMatchAndMarksEveryTermInIt() {
        String text = "word ".repeat(30) + "the Rocket launch, rocket again" + " tail".repeat(60);
        Snippet s = Snippet.of(text, List.of("rocket", "launch"), 80);
        assertTrue(s.text().startsWith("…"));
        assertTrue(s.text().endsWith("…"));
        for (Snippet.Highlight h : s.highlights()) {
            String marked = s.text().substring(h.start(), h.start() + h.length()).toLowerCase();
            assertTrue(marked.equals("rocket") || marked.equals("launch"), marked);
        }
        assertEquals(3, s.highlights().size());
    }

    @Test
    void marksOnlyWordStartsKeepsShortTextWholeAndFlattensLineBreaks() {
        Snippet s = Snippet.of("sprocket\nrocketry", List.of("rocket"), 160);
        assertEquals("sprocket rocketry", s.text());
        assertEquals(List.of(new Snippet.Highlight(9, 6)), s.highlights());
    }

    @Test
    void neverSplitsASurrogatePairAndCountsUtf16Offsets() {
        Snippet s = Snippet.of("😀😀 hello", List.of("hello"), 160);
        assertEquals(List.of(new Snippet.Highlight(5, 5)), s.highlights());
        Snippet cut = Snippet.of("ab😀cd", List.of("ab"), 3);
        assertEquals("ab…", cut.text());
    }

    @Test
    void withoutAMatchItShowsTheStart() {
        Snippet s = Snippet.of("cafe au lait", List.of("café"), 160);
        assertEquals("cafe au lait", s.text());
        assertEquals(List.of(), s.highlights());
    }
}
