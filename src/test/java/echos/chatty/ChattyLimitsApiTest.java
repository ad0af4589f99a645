package echos.chatty;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;

import echos.auth.TestAccounts;
import echos.chatty.ChattyApiTest.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CHATTY_USERS_LIMIT and CHATTY_HISTORY_LIMIT, set small. */
@QuarkusTest
@TestProfile(ChattyLimitsApiTest.SmallLimits.class)
class ChattyLimitsApiTest {

    /** Two users per list, three messages per history. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("echos.chatty.users-limit", "2", "echos.chatty.history-limit", "3");
        }
    }

    @Test
    void theUsersListStopsAtTheLimitFirstNamesFirst() {
        Browser ann = ChattyApiTest.signUp("00 Ann " + java.util.UUID.randomUUID());
        ChattyApiTest.signUp("!! first " + java.util.UUID.randomUUID());
        ann.request().get("/api/messages/users").then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void theHistoryIsTheNewestMessagesOldestFirstWithDeletedOnesSkipped() {
        Browser ann = ChattyApiTest.signUp(ChattyApiTest.earlyName("Ann"));
        TestAccounts.Account bob = TestAccounts.signUpAs(ChattyApiTest.earlyName("Bob"));
        for (String text : new String[] {"one", "two", "three", "four"}) {
            ann.request().body(ChattyApiTest.sendBody(text, null)).post("/api/messages/send/" + bob.id()).then().statusCode(201);
        }
        ann.request().get("/api/messages/" + bob.id()).then().body("text", contains("two", "three", "four"));
        String conversation = as(bob).get("/api/conversations").then().extract().path("conversations[0].id");
        String four = as(bob).get("/api/conversations/" + conversation + "/messages").then().extract().path("messages.find { it.text == 'four' }.id");
        ann.request().delete("/api/conversations/" + conversation + "/messages/" + four).then().statusCode(204);
        ann.request().get("/api/messages/" + bob.id()).then().body("text", contains("one", "two", "three"));
    }
}
