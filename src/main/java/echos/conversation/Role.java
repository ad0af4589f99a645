package echos.conversation;

/** What a member may do in a group: owners everything, admins manage members and the name. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public String json() {
        return name().toLowerCase();
    }

    public boolean canManage() {
        return this == OWNER || this == ADMIN;
    }

    public static Role parse(String value) {
        return valueOf(value.toUpperCase());
    }
}
