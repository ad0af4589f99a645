package echos.conversation;

import static echos.auth.TestAccounts.as;

import echos.auth.TestAccounts.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates conversations and messages through the real HTTP API for tests. */
public final class TestChats {

    private TestChats() {
    }

    public static String direct(Account from, Account to) {
        return as(from).body(Map.of("userId", to.id())).post("/api/conversations/direct").then().statusCode(201)
                .extract().path("conversation.id");
    }

    public static String group(Account owner, String name, Account... members) {
        List<String> ids = java.util.Arrays.stream(members).map(Account::id).toList();
        return as(owner).body(Map.of("name", name, "memberIds", ids)).post("/api/conversations/groups").then().statusCode(201)
                .extract().path("conversation.id");
    }

    public static long send(Account from, String conversationId, String text) {
        Number seq = as(from).body(Map.of("clientId", UUID.randomUUID().toString(), "text", text))
                .post("/api/conversations/" + conversationId + "/messages").then().statusCode(201).extract().path("message.seq");
        return seq.longValue();
    }
}
