package io.hookwire.server.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.platform.Tokens;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Endpoints API's writes over real HTTP: create, update and delete, with their failures, and
 * what every operation shares (media types, the preview profile, authentication).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.operator-token=test-operator-token",
      "hookwire.demo.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:endpoints-api-write;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0"
    })
class EndpointsApiWriteHttpTest extends EndpointsApiHttpTest {

  private static final String URL = "https://hooks.example.com/services/6932045";

  @Autowired JdbcClient jdbc;

  // Create

  @Test
  void createsAnAccountScopedEndpointWithItsDefaults() {
    World w = world();

    HttpResponse<String> response =
        create(
            w.admin(), createDoc(attributes("Example", URL), relationships(account(w.account()))));

    JsonNode document = created(response);
    assertThat(document.propertyNames()).containsExactlyInAnyOrder("data", "included", "meta");
    assertThat(document.get("included").isNull()).isTrue();
    assertThat(document.get("meta").isNull()).isTrue();
    JsonNode data = document.get("data");
    assertThat(data.get("type").asString()).isEqualTo("endpoints");
    String id = data.get("id").asString();
    assertThat(id).matches("ep-[0-9a-z]{17}");
    JsonNode attributes = data.get("attributes");
    assertThat(attributes.propertyNames())
        .containsExactlyInAnyOrder(
            "name", "url", "max-attempts", "timeout", "secret-key", "permissions");
    assertThat(attributes.get("name").asString()).isEqualTo("Example");
    assertThat(attributes.get("url").asString()).isEqualTo(URL);
    assertThat(attributes.get("max-attempts").isIntegralNumber()).isTrue();
    assertThat(attributes.get("max-attempts").asInt()).isEqualTo(3);
    assertThat(attributes.get("timeout").isIntegralNumber()).isTrue();
    assertThat(attributes.get("timeout").asInt()).isEqualTo(15);
    assertThat(attributes.get("secret-key").isString()).isTrue();
    assertThat(attributes.get("secret-key").asString()).hasSizeGreaterThanOrEqualTo(16);
    assertPermissions(data, true);
    assertThat(data.at("/relationships/account/data/type").asString()).isEqualTo("accounts");
    assertThat(data.at("/relationships/account/data/id").asString()).isEqualTo(w.account());
    assertThat(data.get("relationships").has("environment")).isTrue();
    assertThat(data.at("/relationships/environment").isNull()).isTrue();
    assertThat(data.at("/links/self").asString()).isEqualTo(self(id));
    assertThat(response.headers().firstValue("Location")).hasValue(self(id));
  }

  @Test
  void createsAnEnvironmentScopedEndpointWithEverySettingAndDerivesItsAccount() {
    World w = world();
    String body =
        createDoc(
            json(
                "{'name':'Deploy notifications','url':'http://hooks.example.com:8443/a?b=c',"
                    + "'max-attempts':5,'timeout':30,'secret-key':'auphee1ieshaeQu8'}"),
            relationships(environment(w.e1())));

    HttpResponse<String> response = create(w.admin(), body);

    JsonNode data = created(response).get("data");
    JsonNode attributes = data.get("attributes");
    assertThat(attributes.get("name").asString()).isEqualTo("Deploy notifications");
    assertThat(attributes.get("url").asString()).isEqualTo("http://hooks.example.com:8443/a?b=c");
    assertThat(attributes.get("max-attempts").asInt()).isEqualTo(5);
    assertThat(attributes.get("timeout").asInt()).isEqualTo(30);
    assertThat(attributes.get("secret-key").asString()).isEqualTo("auphee1ieshaeQu8");
    assertThat(data.at("/relationships/account/data/id").asString()).isEqualTo(w.account());
    assertThat(data.at("/relationships/account/data/type").asString()).isEqualTo("accounts");
    assertThat(data.at("/relationships/environment/data/id").asString()).isEqualTo(w.e1());
    assertThat(data.at("/relationships/environment/data/type").asString())
        .isEqualTo("environments");
    assertThat(response.headers().firstValue("Location")).hasValue(self(data.get("id").asString()));
  }

  @Test
  void createsWithAnAccountAndAnEnvironmentOfIt() {
    World w = world();

    JsonNode data =
        created(
                create(
                    w.admin(),
                    createDoc(
                        attributes("Both", URL),
                        relationships(account(w.account()), environment(w.e2())))))
            .get("data");

    assertThat(data.at("/relationships/account/data/id").asString()).isEqualTo(w.account());
    assertThat(data.at("/relationships/environment/data/id").asString()).isEqualTo(w.e2());
  }

  @Test
  void aUserWhoSeesOneEnvironmentCreatesInIt() {
    World w = world();

    JsonNode data =
        created(
                create(
                    w.e2Admin(),
                    createDoc(attributes("E2", URL), relationships(environment(w.e2())))))
            .get("data");

    assertThat(data.at("/relationships/environment/data/id").asString()).isEqualTo(w.e2());
    assertPermissions(data, true);
  }

  @Test
  void generatesADifferentSecretKeyForEachEndpoint() {
    World w = world();
    String body = createDoc(attributes("Secret", URL), relationships(account(w.account())));

    String first = created(create(w.admin(), body)).at("/data/attributes/secret-key").asString();
    String second = created(create(w.admin(), body)).at("/data/attributes/secret-key").asString();

    assertThat(first).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo(second);
  }

  @Test
  void refusesAnEnvironmentOutsideTheGivenAccount() {
    World w = world();

    HttpResponse<String> response =
        create(
            w.admin(),
            createDoc(
                attributes("X", URL),
                relationships(account(w.account()), environment(w.otherEnvironment()))));

    relationshipNotFound(response, "/data/relationships/environment");
    assertThat(total(w.admin())).isZero();
    assertThat(total(w.otherAdmin())).isZero();
  }

  @Test
  void refusesAnUnknownAccount() {
    World w = world();

    relationshipNotFound(
        create(w.admin(), createDoc(attributes("X", URL), relationships(account(UNKNOWN_ACCOUNT)))),
        "/data/relationships/account");
  }

  @Test
  void refusesTheAccountOfAnotherUser() {
    World w = world();

    relationshipNotFound(
        create(
            w.admin(), createDoc(attributes("X", URL), relationships(account(w.otherAccount())))),
        "/data/relationships/account");
    assertThat(total(w.otherAdmin())).isZero();
  }

  @Test
  void refusesAnUnknownEnvironment() {
    World w = world();

    relationshipNotFound(
        create(
            w.admin(),
            createDoc(attributes("X", URL), relationships(environment(UNKNOWN_ENVIRONMENT)))),
        "/data/relationships/environment");
  }

  @Test
  void refusesAnEnvironmentOfAnotherAccount() {
    World w = world();

    relationshipNotFound(
        create(
            w.admin(),
            createDoc(attributes("X", URL), relationships(environment(w.otherEnvironment())))),
        "/data/relationships/environment");
    assertThat(total(w.otherAdmin())).isZero();
  }

  @Test
  void refusesAnEnvironmentTheUserDoesNotSee() {
    World w = world();

    relationshipNotFound(
        create(w.e2Admin(), createDoc(attributes("X", URL), relationships(environment(w.e1())))),
        "/data/relationships/environment");
    relationshipNotFound(
        create(
            w.e2Admin(),
            createDoc(
                attributes("X", URL), relationships(account(w.account()), environment(w.e1())))),
        "/data/relationships/environment");
    assertThat(total(w.admin())).isZero();
  }

  @ParameterizedTest(name = "relationships {0}")
  @ValueSource(strings = {"absent", "{}"})
  void refusesAnEndpointWithNeitherAccountNorEnvironment(String relationships) {
    World w = world();

    HttpResponse<String> response =
        create(
            w.admin(),
            createDoc(attributes("X", URL), relationships.equals("absent") ? null : relationships));

    assertThat(pointers(errors(response, 422))).containsExactly("/data/relationships");
  }

  @Test
  void refusesAnotherType() {
    World w = world();
    String body =
        json(
            "{'data':{'type':'webhooks','attributes':{'name':'X','url':'"
                + URL
                + "'},'relationships':"
                + relationships(account(w.account()))
                + "}}");

    errors(create(w.admin(), body), 409);
    assertThat(total(w.admin())).isZero();
  }

  @Test
  void refusesAClientGeneratedId() {
    World w = world();
    String body =
        json(
            "{'data':{'type':'endpoints','id':'ep-t6tfr6tsfhvdqj0','attributes':{'name':'X','url':'"
                + URL
                + "'},'relationships':"
                + relationships(account(w.account()))
                + "}}");

    assertThat(pointers(errors(create(w.admin(), body), 403))).containsExactly("/data/id");
    assertThat(total(w.admin())).isZero();
  }

  @Test
  void aReaderCannotCreate() {
    World w = world();

    notFoundOrUnauthorized(
        create(w.reader(), createDoc(attributes("X", URL), relationships(account(w.account())))));
    notFoundOrUnauthorized(
        create(w.reader(), createDoc(attributes("X", URL), relationships(environment(w.e1())))));
    assertThat(total(w.admin())).isZero();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "name|''",
        "name|'   '",
        "name|'LONG:256'",
        "url|''",
        "url|'ftp://x'",
        "url|'/relative'",
        "url|'https://'",
        "url|'hooks.example.com/x'",
        "url|'https:///path'",
        "url|'https://LONGURL:2049'",
        "timeout|0",
        "timeout|3601",
        "timeout|-1",
        "max-attempts|0",
        "max-attempts|1001",
        "secret-key|''",
        "secret-key|'LONG:1025'"
      })
  void refusesAnInvalidAttribute(String attribute, String value) {
    World w = world();
    String attributes =
        json(
            "{'name':"
                + (attribute.equals("name") ? expand(value) : "'Valid'")
                + ",'url':"
                + (attribute.equals("url") ? expand(value) : "'" + URL + "'")
                + (attribute.equals("name") || attribute.equals("url")
                    ? ""
                    : ",'" + attribute + "':" + expand(value))
                + "}");

    HttpResponse<String> response =
        create(w.admin(), createDoc(attributes, relationships(account(w.account()))));

    assertThat(invalidAttributes(response)).containsOnly("/data/attributes/" + attribute);
    assertThat(total(w.admin())).isZero();
  }

  @Test
  void acceptsTheBoundaryValues() {
    World w = world();
    String longUrl = "https://hooks.example.com/" + "u".repeat(2048 - 26);
    assertThat(longUrl).hasSize(2048);
    String lowest =
        json("{'name':'n','url':'http://h','max-attempts':1,'timeout':1,'secret-key':'s'}");
    String highest =
        json(
            "{'name':'"
                + "n".repeat(255)
                + "','url':'"
                + longUrl
                + "','max-attempts':1000,'timeout':3600,'secret-key':'"
                + "s".repeat(1024)
                + "'}");

    JsonNode low =
        created(create(w.admin(), createDoc(lowest, relationships(account(w.account())))))
            .at("/data/attributes");
    JsonNode high =
        created(create(w.admin(), createDoc(highest, relationships(account(w.account())))))
            .at("/data/attributes");

    assertThat(low.get("name").asString()).isEqualTo("n");
    assertThat(low.get("url").asString()).isEqualTo("http://h");
    assertThat(low.get("max-attempts").asInt()).isEqualTo(1);
    assertThat(low.get("timeout").asInt()).isEqualTo(1);
    assertThat(low.get("secret-key").asString()).isEqualTo("s");
    assertThat(high.get("name").asString()).hasSize(255);
    assertThat(high.get("url").asString()).isEqualTo(longUrl);
    assertThat(high.get("max-attempts").asInt()).isEqualTo(1000);
    assertThat(high.get("timeout").asInt()).isEqualTo(3600);
    assertThat(high.get("secret-key").asString()).hasSize(1024);
  }

  @Test
  void reportsEveryInvalidAttributeAtOnce() {
    World w = world();
    String attributes = json("{'name':' ','url':'" + URL + "','timeout':0,'max-attempts':1001}");

    HttpResponse<String> response =
        create(w.admin(), createDoc(attributes, relationships(account(w.account()))));

    assertThat(invalidAttributes(response))
        .containsExactlyInAnyOrder(
            "/data/attributes/name", "/data/attributes/timeout", "/data/attributes/max-attempts");
  }

  @Test
  void reportsAUrlWithoutAHostTogetherWithTheSchemasViolations() {
    // "http://:80/" has the schema pattern's shape; only the host check refuses it.
    World w = world();
    String attributes = json("{'name':' ','url':'http://:80/','timeout':0}");

    HttpResponse<String> response =
        create(w.admin(), createDoc(attributes, relationships(account(w.account()))));

    assertThat(invalidAttributes(response))
        .containsExactlyInAnyOrder(
            "/data/attributes/name", "/data/attributes/url", "/data/attributes/timeout");
    assertThat(total(w.admin())).isZero();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "timeout|'15'",
        "timeout|15.5",
        "timeout|true",
        "max-attempts|'3'",
        "max-attempts|2.5",
        "name|5",
        "url|{}",
        "secret-key|[]",
        "secret-key|12"
      })
  void refusesAWrongJsonType(String attribute, String value) {
    World w = world();
    String attributes =
        attribute.equals("name")
            ? json("{'name':" + value + ",'url':'" + URL + "'}")
            : attribute.equals("url")
                ? json("{'name':'X','url':" + value + "}")
                : json("{'name':'X','url':'" + URL + "','" + attribute + "':" + value + "}");

    HttpResponse<String> response =
        create(w.admin(), createDoc(attributes, relationships(account(w.account()))));

    assertThat(invalidAttributes(response)).contains("/data/attributes/" + attribute);
    assertThat(total(w.admin())).isZero();
  }

  @Test
  void refusesAnUnknownAttribute() {
    World w = world();
    String attributes = json("{'name':'X','url':'" + URL + "','colour':'red'}");

    HttpResponse<String> response =
        create(w.admin(), createDoc(attributes, relationships(account(w.account()))));

    assertThat(invalidAttributes(response)).containsExactly("/data/attributes/colour");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "name|{'url':'https://h.example.com'}",
        "name|{'name':null,'url':'https://h.example.com'}",
        "url|{'name':'X'}",
        "url|{'name':'X','url':null}",
        "secret-key|{'name':'X','url':'https://h.example.com','secret-key':null}"
      })
  void refusesAMissingOrNullRequiredAttribute(String attribute, String attributes) {
    World w = world();

    HttpResponse<String> response =
        create(w.admin(), createDoc(json(attributes), relationships(account(w.account()))));

    assertThat(invalidAttributes(response)).containsExactly("/data/attributes/" + attribute);
  }

  @Test
  void refusesMalformedJson() {
    World w = world();

    JsonNode errors = errors(create(w.admin(), "{\"data\": {\"type\": \"endpoints\","), 400);

    assertThat(errors.get(0).get("title").asString()).isEqualTo("Malformed JSON");
  }

  @Test
  void refusesABodyOverOneMebibyteButTakesOneOfExactlyOne() {
    World w = world();
    String body = createDoc(attributes("Big", URL), relationships(account(w.account())));
    String exact = body + " ".repeat(1024 * 1024 - body.length());
    assertThat(exact.getBytes()).hasSize(1024 * 1024);
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    JsonNode tooLarge = errors(create(w.admin(), exact + " "), 413);
    errors(
        update(
            w.admin(), id, updateDoc(json("'attributes':{'name':'x'}")) + " ".repeat(1024 * 1024)),
        413);
    created(create(w.admin(), exact));

    assertThat(tooLarge.get(0).get("title").asString()).isNotBlank();
    assertThat(total(w.admin())).isEqualTo(2);
  }

  @Test
  void theSeedsCreateRequestRunsAsItIs() {
    // The seed's account, made directly as the demo makes it, with an admin's token.
    String account = "acc-t2fcrq6h1v3nf0g";
    OffsetDateTime now = OffsetDateTime.now();
    jdbc.sql("INSERT INTO accounts VALUES (:id, 'Demo', :now)")
        .param("id", account)
        .param("now", now)
        .update();
    jdbc.sql("INSERT INTO users VALUES ('usr-seed', :account, 'Seed', 'admin', TRUE, :now)")
        .param("account", account)
        .param("now", now)
        .update();
    jdbc.sql("INSERT INTO user_tokens VALUES ('tok-seed', 'usr-seed', :hash, :now)")
        .param("hash", Tokens.hash("seed-admin-token"))
        .param("now", now)
        .update();
    // The seed's request, its trailing comma removed.
    String body =
        """
        {
          "data": {
            "type": "endpoints",
            "attributes": {
              "name": "Example",
              "url": "https://hooks.example.com/services/6932045"
            },
            "relationships": {
              "account": {
                "data": {
                  "type": "accounts",
                  "id": "acc-t2fcrq6h1v3nf0g"
                }
              }
            }
          }
        }
        """;

    HttpResponse<String> response =
        send(
            "POST",
            ENDPOINTS,
            "seed-admin-token",
            "application/vnd.api+json",
            body,
            "Prefer",
            "profile=preview");

    JsonNode document = created(response);
    assertThat(response.headers().firstValue("Preference-Applied")).hasValue("profile=preview");
    assertThat(document.propertyNames()).containsExactlyInAnyOrder("data", "included", "meta");
    assertThat(document.get("included").isNull()).isTrue();
    assertThat(document.get("meta").isNull()).isTrue();
    JsonNode data = document.get("data");
    assertThat(data.propertyNames())
        .containsExactlyInAnyOrder("attributes", "id", "links", "relationships", "type");
    assertThat(data.get("attributes").propertyNames())
        .containsExactlyInAnyOrder(
            "max-attempts", "name", "permissions", "secret-key", "timeout", "url");
    assertThat(data.at("/attributes/max-attempts").asInt()).isEqualTo(3);
    assertThat(data.at("/attributes/name").asString()).isEqualTo("Example");
    assertPermissions(data, true);
    assertThat(data.at("/attributes/secret-key").asString()).isNotEmpty();
    assertThat(data.at("/attributes/timeout").isIntegralNumber()).isTrue();
    assertThat(data.at("/attributes/url").asString())
        .isEqualTo("https://hooks.example.com/services/6932045");
    assertThat(data.get("id").asString()).matches("ep-[0-9a-z]{17}");
    assertThat(data.get("links").propertyNames()).containsExactly("self");
    assertThat(data.at("/links/self").asString()).isEqualTo(self(data.get("id").asString()));
    assertThat(data.get("relationships").propertyNames())
        .containsExactlyInAnyOrder("account", "environment");
    assertThat(data.at("/relationships/account/data/id").asString()).isEqualTo(account);
    assertThat(data.at("/relationships/account/data/type").asString()).isEqualTo("accounts");
    assertThat(data.at("/relationships/environment").isNull()).isTrue();
    assertThat(data.get("type").asString()).isEqualTo("endpoints");
  }

  // Update

  @Test
  void changesOnlyTheAttributesTheBodyHolds() {
    World w = world();
    JsonNode before =
        created(
            create(
                w.admin(),
                createDoc(
                    json(
                        "{'name':'Before','url':'"
                            + URL
                            + "','max-attempts':7,'timeout':60,'secret-key':'k1'}"),
                    relationships(environment(w.e1())))));
    String id = before.at("/data/id").asString();

    HttpResponse<String> response =
        update(w.admin(), id, updateDoc(json("'attributes':{'name':'After'}")));

    JsonNode after = ok(response);
    assertThat(after.propertyNames()).containsExactlyInAnyOrder("data", "included", "meta");
    assertThat(after.get("included").isNull()).isTrue();
    assertThat(after.get("meta").isNull()).isTrue();
    assertThat(after.at("/data/attributes/name").asString()).isEqualTo("After");
    JsonNode expected = before.deepCopy();
    ((ObjectNode) expected.at("/data/attributes")).put("name", "After");
    assertThat(after).isEqualTo(expected);
    assertThat(ok(get(w.admin(), id))).isEqualTo(after);
  }

  @Test
  void changesEverythingWithTheIdOfThePath() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    String body =
        json(
            "{'data':{'type':'endpoints','id':'"
                + id
                + "','attributes':{'max-attempts':1,'name':'Renamed','secret-key':'Cheeng7oothaeL9a',"
                + "'timeout':1,'url':'https://hooks.example.com/services/1234567'},"
                + "'relationships':"
                + relationships(account(w.account()), environment(w.e1()))
                + "}}");

    JsonNode after = ok(update(w.admin(), id, body));

    JsonNode data = after.get("data");
    assertThat(data.get("id").asString()).isEqualTo(id);
    assertThat(data.get("type").asString()).isEqualTo("endpoints");
    assertThat(data.at("/attributes/name").asString()).isEqualTo("Renamed");
    assertThat(data.at("/attributes/url").asString())
        .isEqualTo("https://hooks.example.com/services/1234567");
    assertThat(data.at("/attributes/max-attempts").asInt()).isEqualTo(1);
    assertThat(data.at("/attributes/timeout").asInt()).isEqualTo(1);
    assertThat(data.at("/attributes/secret-key").asString()).isEqualTo("Cheeng7oothaeL9a");
    assertPermissions(data, true);
    assertThat(data.at("/relationships/account/data/id").asString()).isEqualTo(w.account());
    assertThat(data.at("/relationships/environment/data/id").asString()).isEqualTo(w.e1());
    assertThat(data.at("/relationships/environment/data/type").asString())
        .isEqualTo("environments");
    assertThat(data.at("/links/self").asString()).isEqualTo(self(id));
    assertThat(ok(get(w.admin(), id))).isEqualTo(after);
  }

  @Test
  void anUpdateWithNothingInItChangesNothing() {
    World w = world();
    JsonNode before =
        created(
            create(
                w.admin(), createDoc(attributes("Same", URL), relationships(environment(w.e2())))));
    String id = before.at("/data/id").asString();

    assertThat(ok(update(w.admin(), id, updateDoc("")))).isEqualTo(before);
    assertThat(ok(update(w.admin(), id, updateDoc(json("'attributes':{}"))))).isEqualTo(before);
  }

  @Test
  void acceptsAPlainJsonBody() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    JsonNode after =
        ok(
            send(
                "PATCH",
                ENDPOINTS + "/" + id,
                w.admin(),
                "application/json",
                updateDoc(json("'attributes':{'timeout':20}"))));

    assertThat(after.at("/data/attributes/timeout").asInt()).isEqualTo(20);
  }

  @Test
  void refusesAnIdOtherThanThePath() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    String other = newEndpoint(w.admin(), relationships(account(w.account())));
    JsonNode before = ok(get(w.admin(), other));

    errors(
        update(w.admin(), id, updateDoc(json("'id':'" + other + "','attributes':{'name':'Z'}"))),
        409);

    assertThat(ok(get(w.admin(), other))).isEqualTo(before);
    assertThat(ok(get(w.admin(), id)).at("/data/attributes/name").asString()).isNotEqualTo("Z");
  }

  @Test
  void refusesAnotherTypeOnUpdate() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    errors(
        update(w.admin(), id, json("{'data':{'type':'accounts','attributes':{'name':'Z'}}}")), 409);

    assertThat(ok(get(w.admin(), id)).at("/data/attributes/name").asString()).isNotEqualTo("Z");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"name", "url", "secret-key"})
  void refusesANullNameUrlOrSecretKey(String attribute) {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    JsonNode before = ok(get(w.admin(), id));

    HttpResponse<String> response =
        update(w.admin(), id, updateDoc(json("'attributes':{'" + attribute + "':null}")));

    assertThat(invalidAttributes(response)).containsExactly("/data/attributes/" + attribute);
    assertThat(ok(get(w.admin(), id))).isEqualTo(before);
  }

  @Test
  void nullResetsMaxAttemptsAndTimeoutToTheirDefaults() {
    World w = world();
    JsonNode before =
        created(
            create(
                w.admin(),
                createDoc(
                    json("{'name':'Reset','url':'" + URL + "','max-attempts':7,'timeout':60}"),
                    relationships(account(w.account())))));
    String id = before.at("/data/id").asString();

    JsonNode after =
        ok(
            update(
                w.admin(),
                id,
                updateDoc(json("'attributes':{'max-attempts':null,'timeout':null}"))));

    assertThat(after.at("/data/attributes/max-attempts").asInt()).isEqualTo(3);
    assertThat(after.at("/data/attributes/timeout").asInt()).isEqualTo(15);
    assertThat(after.at("/data/attributes/name").asString()).isEqualTo("Reset");
    assertThat(after.at("/data/attributes/secret-key"))
        .isEqualTo(before.at("/data/attributes/secret-key"));
    assertThat(ok(get(w.admin(), id))).isEqualTo(after);
  }

  @Test
  void environmentDataNullMovesTheEndpointToItsAccount() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(environment(w.e1())));

    JsonNode after =
        ok(update(w.admin(), id, updateDoc(json("'relationships':{'environment':{'data':null}}"))));

    assertThat(after.at("/data/relationships/account/data/id").asString()).isEqualTo(w.account());
    assertThat(after.at("/data/relationships").has("environment")).isTrue();
    assertThat(after.at("/data/relationships/environment").isNull()).isTrue();
    assertThat(ok(get(w.admin(), id))).isEqualTo(after);
    // Now account-scoped: the user who sees only E2 sees it.
    ok(get(w.e2Admin(), id));
  }

  @Test
  void anEnvironmentRelationshipWithoutDataChangesNothing() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(environment(w.e1())));

    JsonNode after =
        ok(update(w.admin(), id, updateDoc(json("'relationships':{'environment':{}}"))));

    assertThat(after.at("/data/relationships/environment/data/id").asString()).isEqualTo(w.e1());
  }

  @Test
  void movesTheEndpointToAnotherEnvironmentOfItsAccount() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(environment(w.e1())));
    String accountScoped = newEndpoint(w.admin(), relationships(account(w.account())));

    JsonNode moved =
        ok(update(w.admin(), id, updateDoc("\"relationships\":{" + environment(w.e2()) + "}")));
    JsonNode scoped =
        ok(
            update(
                w.admin(),
                accountScoped,
                updateDoc("\"relationships\":{" + environment(w.e1()) + "}")));

    assertThat(moved.at("/data/relationships/environment/data/id").asString()).isEqualTo(w.e2());
    assertThat(moved.at("/data/relationships/account/data/id").asString()).isEqualTo(w.account());
    assertThat(scoped.at("/data/relationships/environment/data/id").asString()).isEqualTo(w.e1());
    assertThat(ok(get(w.admin(), id))).isEqualTo(moved);
    ok(get(w.e2Admin(), id));
    endpointNotFound(get(w.e2Admin(), accountScoped), accountScoped);
  }

  @Test
  void refusesToMoveTheEndpointToAnEnvironmentItMayNotUse() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(environment(w.e2())));
    JsonNode before = ok(get(w.admin(), id));

    relationshipNotFound(
        update(
            w.admin(),
            id,
            updateDoc("\"relationships\":{" + environment(UNKNOWN_ENVIRONMENT) + "}")),
        "/data/relationships/environment");
    relationshipNotFound(
        update(
            w.admin(),
            id,
            updateDoc("\"relationships\":{" + environment(w.otherEnvironment()) + "}")),
        "/data/relationships/environment");
    relationshipNotFound(
        update(w.e2Admin(), id, updateDoc("\"relationships\":{" + environment(w.e1()) + "}")),
        "/data/relationships/environment");

    assertThat(ok(get(w.admin(), id))).isEqualTo(before);
  }

  @Test
  void refusesInvalidAttributesOnUpdateAndChangesNothing() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    JsonNode before = ok(get(w.admin(), id));

    assertThat(
            invalidAttributes(
                update(
                    w.admin(),
                    id,
                    updateDoc(
                        json(
                            "'attributes':{'name':'ok','url':'ftp://x','timeout':3601,'max-attempts':0,'secret-key':''}")))))
        .containsExactlyInAnyOrder(
            "/data/attributes/url",
            "/data/attributes/timeout",
            "/data/attributes/max-attempts",
            "/data/attributes/secret-key");
    assertThat(
            invalidAttributes(update(w.admin(), id, updateDoc(json("'attributes':{'name':'  '}")))))
        .containsExactly("/data/attributes/name");
    assertThat(
            invalidAttributes(
                update(w.admin(), id, updateDoc(json("'attributes':{'timeout':'15'}")))))
        .contains("/data/attributes/timeout");
    assertThat(
            invalidAttributes(update(w.admin(), id, updateDoc(json("'attributes':{'colour':1}")))))
        .containsExactly("/data/attributes/colour");

    assertThat(ok(get(w.admin(), id))).isEqualTo(before);
  }

  @Test
  void refusesMalformedJsonOnUpdate() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    JsonNode errors = errors(update(w.admin(), id, "{\"data\":"), 400);

    assertThat(errors.get(0).get("title").asString()).isEqualTo("Malformed JSON");
  }

  @Test
  void aReaderCannotUpdate() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    JsonNode before = ok(get(w.admin(), id));

    notFoundOrUnauthorized(update(w.reader(), id, updateDoc(json("'attributes':{'name':'Z'}"))));

    assertThat(ok(get(w.admin(), id))).isEqualTo(before);
  }

  @Test
  void anUpdateOfAnEndpointTheCallerDoesNotSeeIsNotFound() {
    World w = world();
    String inE1 = newEndpoint(w.admin(), relationships(environment(w.e1())));
    String body = updateDoc(json("'attributes':{'name':'Z'}"));

    endpointNotFound(update(w.admin(), UNKNOWN_ENDPOINT, body), UNKNOWN_ENDPOINT);
    endpointNotFound(update(w.otherAdmin(), inE1, body), inE1);
    endpointNotFound(update(w.e2Admin(), inE1, body), inE1);

    assertThat(ok(get(w.admin(), inE1)).at("/data/attributes/name").asString()).isNotEqualTo("Z");
  }

  // Delete

  @Test
  void deletesAnEndpoint() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    String kept = newEndpoint(w.admin(), relationships(account(w.account())));

    HttpResponse<String> response = delete(w.admin(), id);

    assertThat(response.statusCode()).as(describe(response)).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    endpointNotFound(get(w.admin(), id), id);
    endpointNotFound(delete(w.admin(), id), id);
    endpointNotFound(update(w.admin(), id, updateDoc(json("'attributes':{'name':'Z'}"))), id);
    ok(get(w.admin(), kept));
    assertThat(total(w.admin())).isEqualTo(1);
  }

  @Test
  void aReaderCannotDelete() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    notFoundOrUnauthorized(delete(w.reader(), id));

    ok(get(w.admin(), id));
  }

  @Test
  void aDeleteOfAnEndpointTheCallerDoesNotSeeIsNotFound() {
    World w = world();
    String inE1 = newEndpoint(w.admin(), relationships(environment(w.e1())));

    endpointNotFound(delete(w.otherAdmin(), inE1), inE1);
    endpointNotFound(delete(w.e2Admin(), inE1), inE1);
    endpointNotFound(delete(w.admin(), UNKNOWN_ENDPOINT), UNKNOWN_ENDPOINT);

    ok(get(w.admin(), inE1));
  }

  @Test
  void aUserWhoSeesOneEnvironmentDeletesInIt() {
    World w = world();
    String inE2 = newEndpoint(w.admin(), relationships(environment(w.e2())));

    assertThat(delete(w.e2Admin(), inE2).statusCode()).isEqualTo(204);

    endpointNotFound(get(w.admin(), inE2), inE2);
  }

  // Media types, the preview profile and authentication

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"application/vnd.api+json", "application/json", "application/json; charset=utf-8"})
  void acceptsJsonApiAndJsonBodies(String contentType) {
    World w = world();

    created(
        send(
            "POST",
            ENDPOINTS,
            w.admin(),
            contentType,
            createDoc(attributes("Media", URL), relationships(account(w.account())))));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
  void refusesOtherBodyMediaTypes(String contentType) {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    errors(
        send(
            "POST",
            ENDPOINTS,
            w.admin(),
            contentType,
            createDoc(attributes("Media", URL), relationships(account(w.account())))),
        415);
    errors(
        send(
            "PATCH",
            ENDPOINTS + "/" + id,
            w.admin(),
            contentType,
            updateDoc(json("'attributes':{'name':'Z'}"))),
        415);

    assertThat(total(w.admin())).isEqualTo(1);
  }

  @ParameterizedTest(name = "Accept: {0}")
  @ValueSource(strings = {"application/vnd.api+json", "*/*", "none"})
  void servesWhatTheAcceptHeaderAdmits(String accept) {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    String[] header = accept.equals("none") ? new String[0] : new String[] {"Accept", accept};

    ok(send("GET", ENDPOINTS, w.admin(), null, null, header));
    ok(send("GET", ENDPOINTS + "/" + id, w.admin(), null, null, header));
    created(
        send(
            "POST",
            ENDPOINTS,
            w.admin(),
            JSON_API,
            createDoc(attributes("Accept", URL), relationships(account(w.account()))),
            header));
    ok(send("PATCH", ENDPOINTS + "/" + id, w.admin(), JSON_API, updateDoc(""), header));
  }

  @Test
  void refusesAnAcceptHeaderThatAdmitsNoJsonApi() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    errors(send("GET", ENDPOINTS, w.admin(), null, null, "Accept", "application/xml"), 406);
    errors(
        send("GET", ENDPOINTS + "/" + id, w.admin(), null, null, "Accept", "application/xml"), 406);
    errors(
        send(
            "POST",
            ENDPOINTS,
            w.admin(),
            JSON_API,
            createDoc(attributes("Accept", URL), relationships(account(w.account()))),
            "Accept",
            "application/xml"),
        406);
  }

  @Test
  void answersPreferProfilePreviewWithPreferenceApplied() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    String body = createDoc(attributes("Prefer", URL), relationships(account(w.account())));
    String patch = updateDoc(json("'attributes':{'name':'P'}"));

    for (HttpResponse<String> response :
        List.of(
            send("GET", ENDPOINTS, w.admin(), null, null, "Prefer", "profile=preview"),
            send("GET", ENDPOINTS + "/" + id, w.admin(), null, null, "Prefer", "profile=preview"),
            send("POST", ENDPOINTS, w.admin(), JSON_API, body, "Prefer", "profile=preview"),
            send(
                "PATCH",
                ENDPOINTS + "/" + id,
                w.admin(),
                JSON_API,
                patch,
                "Prefer",
                "profile=preview"))) {
      assertThat(response.statusCode()).as(describe(response)).isBetween(200, 201);
      assertThat(response.headers().firstValue("Preference-Applied"))
          .as(describe(response))
          .hasValue("profile=preview");
    }
    for (HttpResponse<String> response :
        List.of(
            list(w.admin(), ""),
            get(w.admin(), id),
            create(w.admin(), body),
            update(w.admin(), id, patch))) {
      assertThat(response.statusCode()).as(describe(response)).isBetween(200, 201);
      assertThat(response.headers().firstValue("Preference-Applied"))
          .as(describe(response))
          .isEmpty();
    }
  }

  @Test
  void acceptsAContentTypeOnRequestsWithoutABody() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    ok(send("GET", ENDPOINTS, w.admin(), JSON_API, null));
    ok(send("GET", ENDPOINTS + "/" + id, w.admin(), JSON_API, null));
    HttpResponse<String> deleted = send("DELETE", ENDPOINTS + "/" + id, w.admin(), JSON_API, null);

    assertThat(deleted.statusCode()).as(describe(deleted)).isEqualTo(204);
  }

  @ParameterizedTest(name = "token {0}")
  @ValueSource(strings = {"none", "unknown"})
  void everyOperationNeedsAKnownToken(String token) {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));
    String caller = token.equals("none") ? null : "unknown-token";

    errors(list(caller, ""), 401);
    errors(
        create(caller, createDoc(attributes("X", URL), relationships(account(w.account())))), 401);
    errors(get(caller, id), 401);
    errors(update(caller, id, updateDoc(json("'attributes':{'name':'Z'}"))), 401);
    errors(delete(caller, id), 401);

    JsonNode after = ok(get(w.admin(), id));
    assertThat(after.at("/data/attributes/name").asString()).isNotEqualTo("Z");
    assertThat(total(w.admin())).isEqualTo(1);
  }

  @Test
  void anUnknownMemberOutsideTheAttributesIsABadRequest() {
    World w = world();
    String valid = createDoc(attributes("X", URL), relationships(account(w.account())));

    errors(create(w.admin(), valid.substring(0, valid.length() - 1) + ",\"extra\":1}"), 400);
    errors(
        create(
            w.admin(),
            valid.replace("{\"type\":\"endpoints\",", "{\"type\":\"endpoints\",\"foo\":1,")),
        400);

    assertThat(total(w.admin())).isZero();
  }

  @Test
  void anUnsupportedMethodIs405WithAllow() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(account(w.account())));

    HttpResponse<String> put =
        send("PUT", ENDPOINTS + "/" + id, w.admin(), JSON_API, updateDoc(json("'attributes':{}")));
    HttpResponse<String> post =
        send(
            "POST",
            ENDPOINTS + "/" + id,
            w.admin(),
            JSON_API,
            createDoc(attributes("X", URL), relationships(account(w.account()))));

    errors(put, 405);
    assertThat(put.headers().firstValue("Allow").orElse(""))
        .as(describe(put))
        .contains("GET", "PATCH", "DELETE");
    errors(post, 405);
    assertThat(total(w.admin())).isEqualTo(1);
  }

  @Test
  void deletingAnEnvironmentDeletesItsEndpoints() {
    World w = world();
    String inE1 = newEndpoint(w.admin(), relationships(environment(w.e1())));
    String accountScoped = newEndpoint(w.admin(), relationships(account(w.account())));

    HttpResponse<String> deleted =
        send(
            "DELETE",
            ACCOUNTS + w.account() + "/environments/" + w.e1(),
            OPERATOR_TOKEN,
            null,
            null);

    assertThat(deleted.statusCode()).as(describe(deleted)).isEqualTo(204);
    endpointNotFound(get(w.admin(), inE1), inE1);
    ok(get(w.admin(), accountScoped));
    assertThat(total(w.admin())).isEqualTo(1);
  }

  // Helpers

  /** How many endpoints this caller sees. */
  private long total(String token) {
    return ok(list(token, "")).at("/meta/pagination/total-count").asLong();
  }

  private static void assertPermissions(JsonNode data, boolean expected) {
    JsonNode permissions = data.at("/attributes/permissions");
    assertThat(permissions.propertyNames())
        .containsExactlyInAnyOrder("webhook-endpoints:update", "webhook-endpoints:delete");
    assertThat(permissions.get("webhook-endpoints:update").isBoolean()).isTrue();
    assertThat(permissions.get("webhook-endpoints:update").asBoolean()).isEqualTo(expected);
    assertThat(permissions.get("webhook-endpoints:delete").asBoolean()).isEqualTo(expected);
  }

  /** A JSON value of the test table: 'LONG:n' is a string of n characters, 'LONGURL:n' a URL. */
  private static String expand(String value) {
    if (value.startsWith("'LONG:")) {
      int n = Integer.parseInt(value.substring(6, value.length() - 1));
      return "'" + "x".repeat(n) + "'";
    }
    if (value.startsWith("'https://LONGURL:")) {
      int n = Integer.parseInt(value.substring(17, value.length() - 1));
      String prefix = "https://hooks.example.com/";
      return "'" + prefix + "u".repeat(n - prefix.length()) + "'";
    }
    return value;
  }
}
