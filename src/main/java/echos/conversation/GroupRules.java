package echos.conversation;

/** Rules for group names and sizes. */
final class GroupRules {

    static final int NAME_MAX = 80;
    static final int MEMBERS_MAX = 100;

    private GroupRules() {
    }

    static String nameProblem(String trimmed) {
        if (trimmed == null || trimmed.isEmpty()) {
            return "Group name is required.";
        }
        if (trimmed.codePointCount(0, trimmed.length()) > NAME_MAX) {
            return "Group name must be at most " + NAME_MAX + " characters.";
        }
        if (trimmed.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            return "Group name must not contain control characters.";
        }
        return null;
    }
}
