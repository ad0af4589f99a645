package echos.common.text;

/**
 * Whether a code point is an emoji that may take part in a ZWJ sequence. Java 17 has no Character.isEmoji and ICU4J is
 * not a dependency, so this covers the blocks that hold the Emoji property (pictographs, symbols, dingbats, skin tones,
 * gender signs); it only has to be generous enough for real sequences, never for invisible characters.
 */
final class Emoji {

    private Emoji() {
    }

    static boolean is(int cp) {
        return cp >= 0x1F000 && cp <= 0x1FAFF      // pictographs, emoticons, transport, skin tone modifiers
                || cp >= 0x2600 && cp <= 0x27BF    // miscellaneous symbols (gender signs, medical, heart) and dingbats
                || cp >= 0x2300 && cp <= 0x23FF    // technical symbols (watch, hourglass)
                || cp >= 0x2B00 && cp <= 0x2BFF    // arrows, stars, squares
                || cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139
                || cp >= 0x2194 && cp <= 0x21AA
                || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299;
    }
}
