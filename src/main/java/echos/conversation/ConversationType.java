package echos.conversation;

/** Direct conversations hold exactly two people for good; groups have a name, roles and changing members. */
public enum ConversationType {
    DIRECT, GROUP;

    public String json() {
        return name().toLowerCase();
    }
}
