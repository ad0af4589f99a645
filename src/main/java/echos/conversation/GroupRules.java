package echos.conversation;

import echos.common.text.DisplayText;

/** Rules for group names (sizes: {@link GroupSize}). */
final class GroupRules {

    static final int NAME_MAX = 80;
    static final int NAME_MAX_BYTES = 320;
    private static final DisplayText NAME = new DisplayText("Group name", NAME_MAX, NAME_MAX_BYTES);

    private GroupRules() {
    }

    static String nameProblem(String trimmed) {
        return NAME.problem(trimmed);
    }
}
