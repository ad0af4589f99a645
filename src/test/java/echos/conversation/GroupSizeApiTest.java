package echos.conversation;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GROUP_MAX_MEMBERS is what decides how large a group may grow, on creation and when adding. */
@QuarkusTest
@TestProfile(GroupSizeApiTest.ThreeMembers.class)
class GroupSizeApiTest {

    public static class ThreeMembers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("echos.group.max-members", "3");
        }
    }

    @Test
    void aGroupGrowsToTheConfiguredSizeAndNoFurther() {
        Account owner = TestAccounts.signUp();
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account c = TestAccounts.signUp();
        as(owner).body(Map.of("name", "too big", "memberIds", List.of(a.id(), b.id(), c.id()))).post("/api/conversations/groups")
                .then().statusCode(400).body("error.code", equalTo("validation_failed"))
                .body("error.fields.memberIds", equalTo("A group has at most 3 members."));
        String group = TestChats.group(owner, "just right", a);
        as(owner).body(Map.of("userIds", List.of(b.id()))).post("/api/conversations/" + group + "/members").then().statusCode(200)
                .body("conversation.members", hasSize(3));
        as(owner).body(Map.of("userIds", List.of(c.id()))).post("/api/conversations/" + group + "/members").then().statusCode(400)
                .body("error.fields.userIds", equalTo("A group has at most 3 members."));
    }
}
