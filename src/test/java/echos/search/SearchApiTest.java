package echos.search;

import static echos.auth.TestAccounts.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchApiTest {

    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "k");
    }

    private static Response search(Account who, Map<String, ?> params) {
        return as(who).queryParams(params).get("/api/search/messages");
    }

    @Test
    void findsTheMessageWithAPlainSnippetAndWhereTheTermIs() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String chat = TestChats.direct(a, b);
        String w = word();
        TestChats.send(a, chat, "first");
        long seq = TestChats.send(b, chat, "see <b>" + w.toUpperCase() + "</b> soon");
        search(a, Map.of("q", w.substring(0, 5))).then().statusCode(200)
                .body("hits", hasSize(1))
                .body("hits[0].conversationId", equalTo(chat))
                .body("hits[0].seq", equalTo((int) seq))
                .body("hits[0].senderId", equalTo(b.id()))
                .body("hits[0].messageId", notNullValue())
                .body("hits[0].createdAt", notNullValue())
                .body("hits[0].snippet", equalTo("see <b>" + w.toUpperCase() + "</b> soon"))
                .body("hits[0].highlights[0].start", equalTo(7))
                .body("hits[0].highlights[0].length", equalTo(5))
                .body("nextCursor", nullValue());
        search(a, Map.of("q", w, "conversationId", chat)).then().statusCode(200).body("hits", hasSize(1));
    }

    @Test
    void pagesThroughEveryHitOnce() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        String chat = TestChats.direct(a, b);
        String w = word();
        for (int i = 0; i < 5; i++) {
            TestChats.send(a, chat, w + " number " + i);
        }
        Set<Integer> seqs = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> params = cursor == null ? Map.of("q", w, "limit", 2) : Map.of("q", w, "limit", 2, "cursor", cursor);
            Response page = search(b, params);
            page.then().statusCode(200);
            List<Integer> got = page.path("hits.seq");
            got.forEach(s -> assertEquals(true, seqs.add(s), "duplicate " + s));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(Set.of(1, 2, 3, 4, 5), seqs);
        assertEquals(3, pages);
    }

    @Test
    void refusesBadInputWithStableCodes() {
        Account a = TestAccounts.signUp();
        search(a, Map.of()).then().statusCode(400).body("error.code", equalTo("search_query_required"));
        search(a, Map.of("q", "   ")).then().statusCode(400).body("error.code", equalTo("search_query_required"));
        search(a, Map.of("q", "x".repeat(201))).then().statusCode(400).body("error.code", equalTo("search_query_too_long"));
        search(a, Map.of("q", "x", "limit", 0)).then().statusCode(400).body("error.code", equalTo("validation_failed"));
        search(a, Map.of("q", "x", "limit", 51)).then().statusCode(400).body("error.code", equalTo("validation_failed"));
        search(a, Map.of("q", "x", "limit", "ten")).then().statusCode(400).body("error.code", equalTo("validation_failed"));
        search(a, Map.of("q", "x", "cursor", "not a cursor!")).then().statusCode(400).body("error.code", equalTo("invalid_cursor"));
        search(a, Map.of("q", "x", "cursor", "Zm9v")).then().statusCode(400).body("error.code", equalTo("invalid_cursor"));
        for (String hostile : List.of("\"", "*", "AND OR NOT", "-", ":", "(", "a'--", "日本語 📎", "x".repeat(200))) {
            search(a, Map.of("q", hostile)).then().statusCode(200).body("hits", notNullValue());
        }
    }

    @Test
    void aConversationOfSomeoneElseIsNotFoundAndNoLoginIsUnauthenticated() {
        Account a = TestAccounts.signUp();
        Account b = TestAccounts.signUp();
        Account stranger = TestAccounts.signUp();
        String chat = TestChats.direct(a, b);
        String w = word();
        TestChats.send(a, chat, w);
        search(stranger, Map.of("q", w, "conversationId", chat)).then().statusCode(404).body("error.code", equalTo("not_found"));
        search(stranger, Map.of("q", w, "conversationId", "nope")).then().statusCode(404);
        search(stranger, Map.of("q", w)).then().statusCode(200).body("hits", hasSize(0));
        given().queryParam("q", w).get("/api/search/messages").then().statusCode(401).body("error.code", equalTo("unauthenticated"));
    }

    @Test
    void searchingTooFastIsRefusedWithRetryAfter() {
        Account a = TestAccounts.signUp();
        Response refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Response r = search(a, Map.of("q", "anything"));
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                r.then().statusCode(200);
            }
        }
        assertNotNull(refused, "the search budget never ran out");
        refused.then().body("error.code", equalTo("rate_limited")).header("Retry-After", notNullValue());
    }
}
