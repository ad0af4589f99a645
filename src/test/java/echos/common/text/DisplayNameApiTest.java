package echos.common.text;

import static echos.auth.TestAccounts.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import echos.auth.TestAccounts;
import echos.auth.TestAccounts.Account;
import echos.conversation.TestChats;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names and group titles: the same rules at signup, profile update, group creation and rename, over HTTP. */
@QuarkusTest
class DisplayNameApiTest {

    /** Each hides or reorders text, so one name could pass for another. */
    private static final List<String> SPOOFING = List.of(
            "Ali\u202Ecod.exe",      // right-to-left override
            "Ali\u2066ce\u2069",     // left-to-right isolate, pop isolate
            "Ali\u200Fce",           // right-to-left mark
            "Ali\u200Bce",           // zero-width space
            "Ali\u200Dce",           // zero-width joiner between letters
            "Ali\u2060ce",           // word joiner
            "Ali\uFEFFce",           // byte order mark
            "Ali\u00ADce",           // soft hyphen
            "Ali\uDB40\uDC41ce",     // tag LATIN CAPITAL LETTER A (U+E0041)
            "Ali\u0000ce",           // NUL
            "Ali\u001Bce",           // ESC
            "Ali\nce",               // line feed
            "Ali\u2028ce");          // line separator

    /** Visible names that use joiners and selectors the way emoji do. */
    private static final List<String> FINE = List.of(
            "Zoë Ölçer-Şahin",
            "Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",           // man ZWJ woman ZWJ girl
            "Astronaut \uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDE80",             // woman, skin tone, ZWJ, rocket
            "Pride \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",                       // white flag, VS16, ZWJ, rainbow
            "Love \u2764\uFE0F",
            "محمد علي");

    private static List<String> refusals(java.util.function.Function<String, Response> attempt, String field) {
        List<String> failures = new ArrayList<>();
        for (String name : SPOOFING) {
            Response r = attempt.apply(name);
            if (r.statusCode() != 400 || !"validation_failed".equals(r.path("error.code")) || r.path("error.fields." + field) == null) {
                failures.add(escaped(name) + " -> " + r.statusCode() + " " + r.asString());
            }
        }
        return failures;
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u{%X}", c) : String.valueOf((char) c)));
        return b.toString();
    }

    @Test
    void signupRefusesInvisibleAndControlCharactersInTheName() {
        assertEquals(List.of(), refusals(name -> TestAccounts.signUp(name, TestAccounts.uniqueEmail(), TestAccounts.PASSWORD),
                "fullName"));
    }

    @Test
    void profileUpdateRefusesInvisibleAndControlCharactersInTheName() {
        Account me = TestAccounts.signUpAs("Plain Name");
        assertEquals(List.of(), refusals(name -> as(me).body(Map.of("fullName", name)).patch("/api/users/me"), "fullName"));
        // a lone surrogate can only arrive escaped, since it has no UTF-8 form
        as(me).body("{\"fullName\":\"Ali\\ud800ce\"}").patch("/api/users/me").then().statusCode(400)
                .body("error.fields.fullName", containsString("control characters"));
        as(me).get("/api/auth/me").then().body("user.fullName", equalTo("Plain Name"));
    }

    @Test
    void groupCreationAndRenameRefuseInvisibleAndControlCharactersInTheTitle() {
        Account owner = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        assertEquals(List.of(), refusals(title -> as(owner).body(Map.of("name", title, "memberIds", List.of(member.id())))
                .post("/api/conversations/groups"), "name"));
        String group = TestChats.group(owner, "Plain Title", member);
        assertEquals(List.of(), refusals(title -> as(owner).body(Map.of("name", title)).patch("/api/conversations/" + group), "name"));
        as(owner).get("/api/conversations/" + group).then().body("conversation.name", equalTo("Plain Title"));
    }

    @Test
    void acceptsAccentsScriptsAndEmojiJoinedByZeroWidthJoiners() {
        Account owner = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        String group = TestChats.group(owner, "Start", member);
        for (String name : FINE) {
            TestAccounts.signUp(name, TestAccounts.uniqueEmail(), TestAccounts.PASSWORD).then().statusCode(201)
                    .body("user.fullName", equalTo(name));
            as(owner).body(Map.of("fullName", name)).patch("/api/users/me").then().statusCode(200).body("user.fullName", equalTo(name));
            as(owner).body(Map.of("name", name)).patch("/api/conversations/" + group).then().statusCode(200)
                    .body("conversation.name", equalTo(name));
        }
    }

    @Test
    void limitsCountTheTrimmedValueInCodePoints() {
        Account owner = TestAccounts.signUp();
        Account member = TestAccounts.signUp();
        String fifty = "\uD83D\uDE00".repeat(50);   // 50 code points, 200 UTF-8 bytes: the most a name may be
        as(owner).body(Map.of("fullName", "   " + fifty + "   ")).patch("/api/users/me").then().statusCode(200)
                .body("user.fullName", equalTo(fifty));
        as(owner).body(Map.of("fullName", fifty + "\uD83D\uDE00")).patch("/api/users/me").then().statusCode(400)
                .body("error.fields.fullName", containsString("at most 50"));
        TestAccounts.signUp("x".repeat(51), TestAccounts.uniqueEmail(), TestAccounts.PASSWORD).then().statusCode(400)
                .body("error.fields.fullName", containsString("at most 50"));
        String eighty = "\uD83D\uDE00".repeat(80);
        String group = TestChats.group(owner, "  " + eighty + "  ", member);
        as(owner).get("/api/conversations/" + group).then().body("conversation.name", equalTo(eighty));
        as(owner).body(Map.of("name", eighty + "x")).patch("/api/conversations/" + group).then().statusCode(400)
                .body("error.fields.name", containsString("at most 80"));
    }
}
