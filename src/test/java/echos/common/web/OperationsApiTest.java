package echos.common.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsApiTest {

    @Test
    void healthReportsUpIncludingTheDatabase() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void servesOpenApiAndSwaggerUi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/auth/signup"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void clientSideRoutesLoadTheAppOnRefresh() {
        String index = given().get("/").then().statusCode(200).extract().asString();
        given().get("/login").then().statusCode(200).body(equalTo(index));
        given().get("/profile").then().statusCode(200).body(equalTo(index));
        given().get("/settings/theme").then().statusCode(200).body(equalTo(index));
    }

    @Test
    void missingAssetsStayNotFound() {
        given().get("/assets/missing.js").then().statusCode(404);
    }
}
