package echos.realtime;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Presence, last-seen time and typing reach only contacts (a shared group, or a direct conversation in which both
 * have written), and nobody while the user has "Show when I'm online" off. Real sockets, real HTTP.
 */
@QuarkusTest
class PresenceConsentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Long enough after a positive control arrived for a frame that was going to come to have come. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    @TestHTTPResource("/ws")
    URI http;

    private TestSocket connect(Account account) {
        return TestSocket.of(http, account);
    }

    private static JsonNode awaitPresence(TestSocket socket, Account of, boolean online) {
        return socket.await("presence", f -> of.id().equals(f.at("/data/userId").asText()) && f.at("/data/online").asBoolean() == online,
                WAIT);
    }

    private static List<JsonNode> presenceOf(TestSocket socket, Account of, Duration window) {
        return socket.collect("presence", window).stream().filter(f -> of.id().equals(f.at("/data/userId").asText())).toList();
    }

    /** Frames that tell anything of the user: online, or a last-seen time. "Offline, never seen" tells nothing. */
    private static List<JsonNode> revealing(TestSocket socket, Account of, Duration window) {
        return presenceOf(socket, of, window).stream()
                .filter(f -> f.at("/data/online").asBoolean() || !f.at("/data/lastSeenAt").isNull()).toList();
    }

    /** Waits for the user to be reported offline with a last-seen time (not the "never seen" of a snapshot). */
    private static JsonNode awaitWentOffline(TestSocket socket, Account of) {
        return socket.await("presence", f -> of.id().equals(f.at("/data/userId").asText()) && !f.at("/data/online").asBoolean()
                && f.at("/data/lastSeenAt").isTextual(), WAIT);
    }

    private static List<JsonNode> typingOf(TestSocket socket, Account of, Duration window) {
        return socket.collect("typing", window).stream().filter(f -> of.id().equals(f.at("/data/userId").asText())).toList();
    }

    /** What the viewer's conversation list says of the member's presence. */
    private static void assertListShows(Account viewer, Account member, boolean online, boolean lastSeenKnown) {
        String path = "conversations.members.flatten().find { it.id == '" + member.id() + "' }";
        var body = as(viewer).get("/api/conversations").then().statusCode(200).body(path + ".online", equalTo(online));
        if (lastSeenKnown) {
            body.body(path + ".lastSeenAt", org.hamcrest.Matchers.notNullValue());
        } else {
            body.body(path + ".lastSeenAt", nullValue());
        }
    }

    private static void showOnline(Account account, boolean show) {
        as(account).body(Map.of("showOnline", show)).patch("/api/users/me").then().statusCode(200)
                .body("user.showOnline", equalTo(show));
    }

    /** The stranger opens a direct conversation with the target and writes; the target does not answer. */
    private static String unansweredDirect(Account stranger, Account target) {
        String id = TestChats.direct(stranger, target);
        TestChats.send(stranger, id, "hello, do you know me?");
        return id;
    }

    /** Someone the viewer shares a group with comes online: proof that presence frames do reach the viewer. */
    private TestSocket positiveControl(Account viewer, TestSocket viewerSocket) {
        Account friend = TestAccounts.signUpAs("Friend");
        TestChats.group(friend, "control", viewer);
        TestSocket friendSocket = connect(friend);
        awaitPresence(viewerSocket, friend, true);
        return friendSocket;
    }

    @Test
    void aStrangerWhoOpenedADirectChatDoesNotSeeTheTargetOnline() {
        Account target = TestAccounts.signUpAs("Target");
        Account stranger = TestAccounts.signUpAs("Stranger");
        Account colleague = TestAccounts.signUpAs("Colleague");
        TestChats.group(colleague, "work", target);
        unansweredDirect(stranger, target);
        try (TestSocket colleagueSocket = connect(colleague); TestSocket targetSocket = connect(target);
                TestSocket strangerSocket = connect(stranger); TestSocket control = positiveControl(stranger, strangerSocket)) {
            assertTrue(presenceOf(strangerSocket, target, QUIET).isEmpty(), "the stranger was told the target's presence");
            assertListShows(stranger, target, false, false);
            targetSocket.close();
            awaitWentOffline(colleagueSocket, target);
            assertListShows(colleague, target, false, true);
            assertListShows(stranger, target, false, false);
            try (TestSocket again = connect(target)) {
                awaitPresence(colleagueSocket, target, true);
                assertTrue(presenceOf(strangerSocket, target, QUIET).isEmpty(), "the stranger saw the target go or come back");
            }
        }
    }

    @Test
    void theTargetDoesNotSeeTheStrangerEither() {
        Account target = TestAccounts.signUpAs("Target");
        Account stranger = TestAccounts.signUpAs("Stranger");
        unansweredDirect(stranger, target);
        try (TestSocket strangerSocket = connect(stranger); TestSocket targetSocket = connect(target);
                TestSocket control = positiveControl(target, targetSocket)) {
            assertTrue(presenceOf(targetSocket, stranger, QUIET).isEmpty(), "the target was told the stranger's presence");
            assertListShows(target, stranger, false, false);
        }
    }

    @Test
    void seesPresenceOnceTheTargetHasReplied() {
        Account target = TestAccounts.signUpAs("Target");
        Account stranger = TestAccounts.signUpAs("Stranger");
        String id = unansweredDirect(stranger, target);
        TestChats.send(target, id, "oh hi");
        try (TestSocket targetSocket = connect(target); TestSocket strangerSocket = connect(stranger)) {
            awaitPresence(strangerSocket, target, true);
            assertListShows(stranger, target, true, false);
            targetSocket.close();
            awaitWentOffline(strangerSocket, target);
            assertListShows(stranger, target, false, true);
            try (TestSocket back = connect(target)) {
                awaitPresence(back, stranger, true);
            }
        }
    }

    @Test
    void theFirstReplyTellsBothTheOthersPresenceAtOnce() {
        Account target = TestAccounts.signUpAs("Target");
        Account stranger = TestAccounts.signUpAs("Stranger");
        String id = unansweredDirect(stranger, target);
        try (TestSocket targetSocket = connect(target); TestSocket strangerSocket = connect(stranger)) {
            TestChats.send(target, id, "oh, hi");
            awaitPresence(strangerSocket, target, true);
            awaitPresence(targetSocket, stranger, true);
        }
    }

    @Test
    void groupMembersSeeEachOther() {
        Account owner = TestAccounts.signUpAs("Owner");
        Account member = TestAccounts.signUpAs("Member");
        TestChats.group(owner, "quiet group", member);
        try (TestSocket memberSocket = connect(member); TestSocket ownerSocket = connect(owner)) {
            awaitPresence(ownerSocket, member, true);
            awaitPresence(memberSocket, owner, true);
            assertListShows(owner, member, true, false);
        }
    }

    @Test
    void turningPresenceOffShowsContactsOfflineAtOnceAndTurningItOnShowsTheTruth() {
        Account hider = TestAccounts.signUpAs("Hider");
        Account friend = TestAccounts.signUpAs("Friend");
        TestChats.group(hider, "friends", friend);
        try (TestSocket hiderSocket = connect(hider); TestSocket friendSocket = connect(friend)) {
            awaitPresence(friendSocket, hider, true);
            showOnline(hider, false);
            JsonNode hidden = awaitPresence(friendSocket, hider, false);
            assertTrue(hidden.at("/data/lastSeenAt").isNull(), "hiding still told a last-seen time: " + hidden);
            assertListShows(friend, hider, false, false);
            showOnline(hider, true);
            awaitPresence(friendSocket, hider, true);
            assertListShows(friend, hider, true, false);
        }
    }

    @Test
    void nobodySeesAUserWhoTurnedPresenceOff() {
        Account hider = TestAccounts.signUpAs("Hider");
        Account friend = TestAccounts.signUpAs("Friend");
        Account pen = TestAccounts.signUpAs("Pen pal");
        TestChats.group(hider, "friends", friend);
        String direct = TestChats.direct(pen, hider);
        TestChats.send(pen, direct, "hi");
        TestChats.send(hider, direct, "hello");
        showOnline(hider, false);
        as(hider).get("/api/auth/me").then().body("user.showOnline", equalTo(false));
        try (TestSocket hiderSocket = connect(hider); TestSocket friendSocket = connect(friend); TestSocket penSocket = connect(pen)) {
            // On connecting, contacts are told the hider is offline, never seen, although the hider is online.
            for (TestSocket watcher : List.of(friendSocket, penSocket)) {
                JsonNode snapshot = awaitPresence(watcher, hider, false);
                assertTrue(snapshot.at("/data/lastSeenAt").isNull(), "snapshot told a last-seen time: " + snapshot);
            }
            assertListShows(friend, hider, false, false);
            assertListShows(pen, hider, false, false);
            try (TestSocket control = positiveControl(friend, friendSocket)) {
                hiderSocket.close();
                assertTrue(revealing(friendSocket, hider, QUIET).isEmpty(), "the hider's going offline was told");
                try (TestSocket back = connect(hider)) {
                    assertTrue(revealing(friendSocket, hider, QUIET).isEmpty(), "the hider's coming back was told");
                    assertTrue(revealing(penSocket, hider, Duration.ZERO).isEmpty(), "the pen pal was told the hider's presence");
                }
            }
        }
        assertListShows(friend, hider, false, false);
    }

    @Test
    void typingOfAStrangerOrOfTheTargetIsNotRelayedUntilBothHaveWritten() {
        Account target = TestAccounts.signUpAs("Target");
        Account stranger = TestAccounts.signUpAs("Stranger");
        String id = unansweredDirect(stranger, target);
        try (TestSocket targetSocket = connect(target); TestSocket strangerSocket = connect(stranger)) {
            strangerSocket.send("typing", Map.of("conversationId", id));
            targetSocket.send("typing", Map.of("conversationId", id));
            // Positive control: the same sockets do carry typing from a contact (who shares a group with each alone).
            Account friend = TestAccounts.signUpAs("Friend");
            String withTarget = TestChats.group(friend, "with target", target);
            String withStranger = TestChats.group(friend, "with stranger", stranger);
            try (TestSocket friendSocket = connect(friend)) {
                friendSocket.send("typing", Map.of("conversationId", withTarget));
                friendSocket.send("typing", Map.of("conversationId", withStranger));
                targetSocket.await("typing", f -> withTarget.equals(f.at("/data/conversationId").asText()), WAIT);
                strangerSocket.await("typing", f -> withStranger.equals(f.at("/data/conversationId").asText()), WAIT);
            }
            assertTrue(typingOf(targetSocket, stranger, QUIET).isEmpty(), "the stranger's typing was relayed");
            assertTrue(typingOf(strangerSocket, target, Duration.ZERO).isEmpty(), "the target's typing was relayed");
        }
    }

    @Test
    void typingIsRelayedOnceBothHaveWritten() {
        Account a = TestAccounts.signUpAs("Ann");
        Account b = TestAccounts.signUpAs("Ben");
        String id = TestChats.direct(a, b);
        TestChats.send(a, id, "hello");
        TestChats.send(b, id, "hi back");
        try (TestSocket aSocket = connect(a); TestSocket bSocket = connect(b)) {
            bSocket.send("typing", Map.of("conversationId", id));
            assertEquals(b.id(), aSocket.await("typing").at("/data/userId").asText());
        }
    }

    @Test
    void typingOfAUserWhoTurnedPresenceOffIsNotRelayed() {
        Account hider = TestAccounts.signUpAs("Hider");
        Account friend = TestAccounts.signUpAs("Friend");
        Account other = TestAccounts.signUpAs("Other");
        String group = TestChats.group(hider, "friends", friend, other);
        showOnline(hider, false);
        try (TestSocket hiderSocket = connect(hider); TestSocket friendSocket = connect(friend); TestSocket otherSocket = connect(other)) {
            hiderSocket.send("typing", Map.of("conversationId", group));
            otherSocket.send("typing", Map.of("conversationId", group));
            assertEquals(other.id(), friendSocket.await("typing").at("/data/userId").asText());
            assertTrue(typingOf(friendSocket, hider, QUIET).isEmpty(), "a hidden user's typing was relayed");
        }
    }
}
