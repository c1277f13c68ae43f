package dev.garden.core.inference;

/** Who speaks in a conversation. */
public enum Role {
    SYSTEM("system"),
    USER("user"),
    ASSISTANT("assistant"),
    TOOL("tool");

    private final String templateName;

    Role(String templateName) {
        this.templateName = templateName;
    }

    /** The name chat templates know this role by ({@code message['role']}). */
    public String templateName() {
        return templateName;
    }
}
