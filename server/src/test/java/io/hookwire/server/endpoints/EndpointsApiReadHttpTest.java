package io.hookwire.server.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Endpoints API's reads over real HTTP: one endpoint, and the list with its visibility,
 * filters, query, sort and pages.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "hookwire.operator-token=test-operator-token",
      "hookwire.demo.enabled=false",
      "spring.datasource.url=jdbc:h2:mem:endpoints-api-read;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
      "management.server.port=0"
    })
class EndpointsApiReadHttpTest extends EndpointsApiHttpTest {

  private static final String PAGE = "?page%5Bnumber%5D=";

  /** An account-scoped endpoint (x), one in E1 (y) and one in E2 (z), made by A's admin. */
  private record Three(World w, String x, String y, String z) {}

  private Three three() {
    World w = world();
    return new Three(
        w,
        newEndpoint(w.admin(), relationships(account(w.account()))),
        newEndpoint(w.admin(), relationships(environment(w.e1()))),
        newEndpoint(w.admin(), relationships(environment(w.e2()))));
  }

  // Get one

  @Test
  void showsWhatCreateReturned() {
    World w = world();
    JsonNode accountScoped =
        created(
            create(
                w.admin(),
                createDoc(
                    attributes("Account scoped", "https://a.example.com"),
                    relationships(account(w.account())))));
    JsonNode environmentScoped =
        created(
            create(
                w.admin(),
                createDoc(
                    json(
                        "{'name':'In E1','url':'https://e.example.com','max-attempts':9,"
                            + "'timeout':99,'secret-key':'abc'}"),
                    relationships(environment(w.e1())))));

    HttpResponse<String> response = get(w.admin(), accountScoped.at("/data/id").asString());

    assertThat(ok(response)).isEqualTo(accountScoped);
    assertThat(response.headers().firstValue("Preference-Applied")).isEmpty();
    assertThat(ok(get(w.admin(), environmentScoped.at("/data/id").asString())))
        .isEqualTo(environmentScoped);
  }

  @Test
  void aReaderSeesAnEndpointWithoutPermissions() {
    World w = world();
    String id = newEndpoint(w.admin(), relationships(environment(w.e1())));
    JsonNode asAdmin = ok(get(w.admin(), id));

    JsonNode asReader = ok(get(w.reader(), id));

    assertPermissions(asAdmin.get("data"), true);
    assertPermissions(asReader.get("data"), false);
    JsonNode expected = asAdmin.deepCopy();
    ((ObjectNode) expected.at("/data/attributes/permissions"))
        .put("webhook-endpoints:update", false)
        .put("webhook-endpoints:delete", false);
    assertThat(asReader).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {UNKNOWN_ENDPOINT, "nope", "ep-"})
  void anUnknownEndpointIsNotFound(String id) {
    World w = world();

    endpointNotFound(get(w.admin(), id), id);
  }

  @Test
  void anEndpointOfAnotherAccountIsNotFound() {
    Three t = three();

    for (String id : List.of(t.x(), t.y(), t.z())) {
      endpointNotFound(get(t.w().otherAdmin(), id), id);
    }
  }

  @Test
  void aUserWhoSeesOneEnvironmentSeesItsEndpointsAndTheAccountsOnly() {
    Three t = three();
    String e2Admin = t.w().e2Admin();

    endpointNotFound(get(e2Admin, t.y()), t.y());
    ok(get(e2Admin, t.x()));
    JsonNode z = ok(get(e2Admin, t.z()));

    assertPermissions(z.get("data"), true);
    assertThat(z).isEqualTo(ok(get(t.w().admin(), t.z())));
  }

  // List

  @Test
  void listsOnePageWithItsLinksAndMeta() {
    Three t = three();
    String first = base() + ENDPOINTS + PAGE + "1&page%5Bsize%5D=20";

    JsonNode document = ok(list(t.w().admin(), ""));

    assertThat(document.propertyNames())
        .containsExactlyInAnyOrder("data", "included", "links", "meta");
    assertThat(document.get("included").isNull()).isTrue();
    assertThat(ids(document)).containsExactlyInAnyOrder(t.x(), t.y(), t.z());
    for (JsonNode item : document.get("data")) {
      assertThat(item).isEqualTo(ok(get(t.w().admin(), item.get("id").asString())).get("data"));
    }
    JsonNode links = document.get("links");
    assertThat(links.propertyNames())
        .containsExactlyInAnyOrder("first", "last", "next", "prev", "self");
    assertThat(links.get("first").asString()).isEqualTo(first);
    assertThat(links.get("last").asString()).isEqualTo(first);
    assertThat(links.get("self").asString()).isEqualTo(first);
    assertThat(links.get("next").isNull()).isTrue();
    assertThat(links.get("prev").isNull()).isTrue();
    assertPagination(document, 1, 20, null, null, 1, 3);
  }

  @Test
  void listsOnlyWhatTheCallerMaySee() {
    Three t = three();
    World w = t.w();
    String others = newEndpoint(w.otherAdmin(), relationships(account(w.otherAccount())));

    JsonNode admin = ok(list(w.admin(), ""));
    JsonNode reader = ok(list(w.reader(), ""));
    JsonNode e2Admin = ok(list(w.e2Admin(), ""));
    JsonNode other = ok(list(w.otherAdmin(), ""));

    assertThat(ids(admin)).containsExactlyInAnyOrder(t.x(), t.y(), t.z());
    assertThat(admin.at("/meta/pagination/total-count").asLong()).isEqualTo(3);
    assertThat(ids(reader)).containsExactlyInAnyOrder(t.x(), t.y(), t.z());
    reader.get("data").forEach(item -> assertPermissions(item, false));
    admin.get("data").forEach(item -> assertPermissions(item, true));
    assertThat(ids(e2Admin)).containsExactlyInAnyOrder(t.x(), t.z());
    assertPagination(e2Admin, 1, 20, null, null, 1, 2);
    assertThat(ids(other)).containsExactly(others);
    assertPagination(other, 1, 20, null, null, 1, 1);
  }

  @Test
  void anAccountWithoutEndpointsListsNone() {
    World w = world();

    JsonNode document = ok(list(w.admin(), ""));

    assertThat(document.get("data").isArray()).isTrue();
    assertThat(document.get("data").isEmpty()).isTrue();
    assertThat(document.at("/meta/pagination/total-count").asLong()).isZero();
    assertThat(document.at("/meta/pagination/current-page").asInt()).isEqualTo(1);
    assertThat(document.at("/links/next").isNull()).isTrue();
    assertThat(document.at("/links/prev").isNull()).isTrue();
  }

  @Test
  void filtersByAccountAndByEnvironment() {
    Three t = three();
    World w = t.w();

    assertListed(w.admin(), "?filter[account]=" + w.account(), t.x(), t.y(), t.z());
    assertListed(w.admin(), "?filter[environment]=" + w.e1(), t.y());
    assertListed(w.admin(), "?filter[environment]=" + w.e2(), t.z());
    assertListed(
        w.admin(), "?filter[account]=" + w.account() + "&filter[environment]=" + w.e1(), t.y());
    assertListed(w.reader(), "?filter[environment]=" + w.e1(), t.y());
    assertListed(w.e2Admin(), "?filter[account]=" + w.account(), t.x(), t.z());
    assertListed(w.e2Admin(), "?filter[environment]=" + w.e2(), t.z());
  }

  @Test
  void anEmptyFilterIsNoFilter() {
    Three t = three();

    assertListed(t.w().admin(), "?filter[account]=", t.x(), t.y(), t.z());
    assertListed(t.w().admin(), "?filter[environment]=", t.x(), t.y(), t.z());
    assertListed(t.w().admin(), "?filter[account]=&filter[environment]=", t.x(), t.y(), t.z());
  }

  @Test
  void aFilterOnAnAccountOrEnvironmentTheCallerDoesNotSeeIsNotFound() {
    Three t = three();
    World w = t.w();

    notFoundOrUnauthorized(list(w.admin(), "?filter[account]=" + UNKNOWN_ACCOUNT));
    notFoundOrUnauthorized(list(w.admin(), "?filter[account]=" + w.otherAccount()));
    notFoundOrUnauthorized(list(w.admin(), "?filter[environment]=" + UNKNOWN_ENVIRONMENT));
    notFoundOrUnauthorized(list(w.admin(), "?filter[environment]=" + w.otherEnvironment()));
    notFoundOrUnauthorized(list(w.e2Admin(), "?filter[environment]=" + w.e1()));
    notFoundOrUnauthorized(list(w.otherAdmin(), "?filter[account]=" + w.account()));
    notFoundOrUnauthorized(list(w.otherAdmin(), "?filter[environment]=" + w.e1()));
  }

  @Test
  void queryFindsACaseInsensitivePartOfTheNameOrUrl() {
    World w = world();
    String a = newEndpoint(w.admin(), "Alpha Hook", "https://one.example.com/x", accountOf(w));
    String b = newEndpoint(w.admin(), "Other", "https://hooks.example.com/ALPHA", accountOf(w));
    String c = newEndpoint(w.admin(), "Third", "https://three.example.com/y", accountOf(w));

    assertListed(w.admin(), "?query=alpha", a, b);
    assertListed(w.admin(), "?query=ALPHA", a, b);
    assertListed(w.admin(), "?query=Hook", a, b);
    assertListed(w.admin(), "?query=three.EXAMPLE", c);
    assertListed(w.admin(), "?query=hird", c);
    assertListed(w.admin(), "?query=nothing-like-this");
  }

  @Test
  void queryTakesPercentAndUnderscoreLiterally() {
    World w = world();
    String percent = newEndpoint(w.admin(), "100% sure", "https://p.example.com/1", accountOf(w));
    newEndpoint(w.admin(), "100 sure", "https://q.example.com/2", accountOf(w));
    String underscore = newEndpoint(w.admin(), "a_b", "https://r.example.com/3", accountOf(w));
    newEndpoint(w.admin(), "axb", "https://s.example.com/4", accountOf(w));

    assertListed(w.admin(), "?query=%25", percent);
    assertListed(w.admin(), "?query=_", underscore);
  }

  @Test
  void sortsByNameOrUrlEitherWay() {
    World w = world();
    String charlie = newEndpoint(w.admin(), "charlie", "https://a.example.com/3", accountOf(w));
    String alpha = newEndpoint(w.admin(), "alpha", "https://c.example.com/1", accountOf(w));
    String bravo = newEndpoint(w.admin(), "bravo", "https://b.example.com/2", accountOf(w));

    assertThat(ids(ok(list(w.admin(), "?sort=name")))).containsExactly(alpha, bravo, charlie);
    assertThat(ids(ok(list(w.admin(), "?sort=-name")))).containsExactly(charlie, bravo, alpha);
    assertThat(ids(ok(list(w.admin(), "?sort=url")))).containsExactly(charlie, bravo, alpha);
    assertThat(ids(ok(list(w.admin(), "?sort=-url")))).containsExactly(alpha, bravo, charlie);
  }

  @Test
  void sortsBySeveralFields() {
    World w = world();
    String xb = newEndpoint(w.admin(), "x", "https://b.example.com", accountOf(w));
    String xa = newEndpoint(w.admin(), "x", "https://a.example.com", accountOf(w));
    String yc = newEndpoint(w.admin(), "y", "https://c.example.com", accountOf(w));

    assertThat(ids(ok(list(w.admin(), "?sort=name,url")))).containsExactly(xa, xb, yc);
    assertThat(ids(ok(list(w.admin(), "?sort=name,-url")))).containsExactly(xb, xa, yc);
    assertThat(ids(ok(list(w.admin(), "?sort=-name,url")))).containsExactly(yc, xa, xb);
    assertThat(ids(ok(list(w.admin(), "?sort=url,name")))).containsExactly(xa, xb, yc);
  }

  @Test
  void breaksTiesByIdInTheFirstSortKeysDirection() {
    World w = world();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      made.add(newEndpoint(w.admin(), "same", "https://same.example.com", accountOf(w)));
    }
    List<String> ascending = new ArrayList<>(made);
    ascending.sort(null);
    List<String> descending = new ArrayList<>(ascending);
    Collections.reverse(descending);

    for (String sort : List.of("name", "url", "name,url", "name,-url")) {
      assertThat(ids(ok(list(w.admin(), "?sort=" + sort)))).as(sort).isEqualTo(ascending);
    }
    for (String sort : List.of("-name", "-url", "-name,-url", "-name,url")) {
      assertThat(ids(ok(list(w.admin(), "?sort=" + sort)))).as(sort).isEqualTo(descending);
    }
    // Pages of ties are stable: two pages of two hold the four in order.
    List<String> paged = new ArrayList<>(ids(ok(list(w.admin(), "?sort=-name&page[size]=2"))));
    paged.addAll(ids(ok(list(w.admin(), "?sort=-name&page[size]=2&page[number]=2"))));
    assertThat(paged).isEqualTo(descending);
  }

  @ParameterizedTest(name = "sort={0}")
  @ValueSource(strings = {"id", "-id", "timeout", "secret-key", "max-attempts", "name,foo", "foo"})
  void refusesToSortByAnyOtherField(String sort) {
    World w = world();
    newEndpoint(w.admin(), accountOf(w));

    HttpResponse<String> response = list(w.admin(), "?sort=" + sort);

    JsonNode errors = errors(response, 400);
    assertThat(errors.get(0).at("/source/parameter").asString())
        .as(describe(response))
        .isEqualTo("sort");
  }

  @Test
  void pagesThroughThreePages() {
    World w = world();
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(newEndpoint(w.admin(), accountOf(w)));
    }
    String pages = base() + ENDPOINTS + PAGE;

    JsonNode one = ok(list(w.admin(), "?page[size]=2"));
    JsonNode two = ok(list(w.admin(), "?page[number]=2&page[size]=2"));
    JsonNode three = ok(list(w.admin(), "?page[size]=2&page[number]=3"));

    assertThat(ids(one)).hasSize(2);
    assertThat(ids(two)).hasSize(2);
    assertThat(ids(three)).hasSize(1);
    List<String> all = new ArrayList<>(ids(one));
    all.addAll(ids(two));
    all.addAll(ids(three));
    assertThat(all).containsExactlyInAnyOrderElementsOf(made);
    assertPagination(one, 1, 2, null, 2, 3, 5);
    assertPagination(two, 2, 2, 1, 3, 3, 5);
    assertPagination(three, 3, 2, 2, null, 3, 5);
    assertLinks(one, pages + "1&page%5Bsize%5D=2", null, pages + "2&page%5Bsize%5D=2");
    assertLinks(
        two,
        pages + "2&page%5Bsize%5D=2",
        pages + "1&page%5Bsize%5D=2",
        pages + "3&page%5Bsize%5D=2");
    assertLinks(three, pages + "3&page%5Bsize%5D=2", pages + "2&page%5Bsize%5D=2", null);
    for (JsonNode page : List.of(one, two, three)) {
      assertThat(page.at("/links/first").asString()).isEqualTo(pages + "1&page%5Bsize%5D=2");
      assertThat(page.at("/links/last").asString()).isEqualTo(pages + "3&page%5Bsize%5D=2");
    }
  }

  @Test
  void linksKeepTheOtherParametersAndLeadToTheirPages() {
    World w = world();
    for (String name : List.of("e", "a", "d", "b", "c")) {
      newEndpoint(w.admin(), name, "https://hooks.example.com/" + name, accountOf(w));
    }
    newEndpoint(w.admin(), "zz in E1", "https://hooks.example.com/z", environmentOf(w));

    JsonNode first =
        ok(
            list(
                w.admin(),
                "?filter[account]=" + w.account() + "&query=hooks&sort=-name&page[size]=2"));

    assertThat(names(first)).containsExactly("zz in E1", "e");
    assertPagination(first, 1, 2, null, 2, 3, 6);
    String next = first.at("/links/next").asString();
    assertThat(next).startsWith(base() + ENDPOINTS + "?");
    assertThat(next).contains("page%5Bnumber%5D=2&page%5Bsize%5D=2");
    assertThat(parameters(next))
        .isEqualTo(
            Map.of(
                "filter[account]",
                w.account(),
                "query",
                "hooks",
                "sort",
                "-name",
                "page[number]",
                "2",
                "page[size]",
                "2"));
    assertThat(parameters(first.at("/links/self").asString()))
        .containsEntry("page[number]", "1")
        .containsEntry("sort", "-name")
        .containsEntry("query", "hooks")
        .containsEntry("filter[account]", w.account());
    assertThat(parameters(first.at("/links/last").asString()))
        .containsEntry("page[number]", "3")
        .containsEntry("sort", "-name");

    JsonNode second = ok(send("GET", next, w.admin(), null, null));
    assertThat(names(second)).containsExactly("d", "c");
    JsonNode last = ok(send("GET", first.at("/links/last").asString(), w.admin(), null, null));
    assertThat(names(last)).containsExactly("b", "a");
    JsonNode back = ok(send("GET", second.at("/links/prev").asString(), w.admin(), null, null));
    assertThat(names(back)).containsExactly("zz in E1", "e");
  }

  @Test
  void aPagePastTheEndIsEmpty() {
    Three t = three();

    for (String number : List.of("2", "1000")) {
      JsonNode page = ok(list(t.w().admin(), "?page[number]=" + number));

      assertThat(page.get("data").isArray()).isTrue();
      assertThat(page.get("data").isEmpty()).isTrue();
      assertThat(page.at("/meta/pagination/total-count").asLong()).isEqualTo(3);
      assertThat(page.at("/meta/pagination/total-pages").asInt()).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "page[number], 0",
    "page[number], -1",
    "page[number], abc",
    "page[number], 1.5",
    "page[size], 0",
    "page[size], 101",
    "page[size], -2",
    "page[size], abc"
  })
  void refusesAnInvalidPage(String parameter, String value) {
    World w = world();

    HttpResponse<String> response = list(w.admin(), "?" + parameter + "=" + value);

    JsonNode errors = errors(response, 400);
    assertThat(errors.get(0).at("/source/parameter").asString())
        .as(describe(response))
        .isEqualTo(parameter);
  }

  @Test
  void acceptsThePageSizeBounds() {
    Three t = three();

    JsonNode one = ok(list(t.w().admin(), "?page[size]=1"));
    JsonNode hundred = ok(list(t.w().admin(), "?page[size]=100"));

    assertThat(ids(one)).hasSize(1);
    assertPagination(one, 1, 1, null, 2, 3, 3);
    assertThat(ids(hundred)).hasSize(3);
    assertPagination(hundred, 1, 100, null, null, 1, 3);
  }

  @Test
  void acceptsBracketsEncodedAndNot() {
    Three t = three();
    World w = t.w();

    JsonNode plain =
        ok(list(w.admin(), "?filter[account]=" + w.account() + "&page[size]=1&page[number]=2"));
    JsonNode encoded =
        ok(
            list(
                w.admin(),
                "?filter%5Baccount%5D=" + w.account() + "&page%5Bsize%5D=1&page%5Bnumber%5D=2"));
    JsonNode environment = ok(list(w.admin(), "?filter%5Benvironment%5D=" + w.e2()));

    assertPagination(plain, 2, 1, 1, 3, 3, 3);
    assertThat(encoded).isEqualTo(plain);
    assertThat(ids(environment)).containsExactly(t.z());
  }

  // Helpers

  private static String accountOf(World w) {
    return relationships(account(w.account()));
  }

  private static String environmentOf(World w) {
    return relationships(environment(w.e1()));
  }

  private void assertListed(String token, String query, String... ids) {
    HttpResponse<String> response = list(token, query);
    JsonNode document = ok(response);
    assertThat(ids(document)).as(describe(response)).containsExactlyInAnyOrder(ids);
    assertThat(document.at("/meta/pagination/total-count").asLong())
        .as(describe(response))
        .isEqualTo(ids.length);
  }

  private static void assertPagination(
      JsonNode document,
      int current,
      int size,
      Integer prev,
      Integer next,
      int totalPages,
      long totalCount) {
    JsonNode pagination = document.at("/meta/pagination");
    assertThat(pagination.propertyNames())
        .containsExactlyInAnyOrder(
            "current-page", "page-size", "prev-page", "next-page", "total-pages", "total-count");
    assertThat(pagination.get("current-page").asInt()).as("current-page").isEqualTo(current);
    assertThat(pagination.get("page-size").asInt()).as("page-size").isEqualTo(size);
    assertNullableInt(pagination.get("prev-page"), prev, "prev-page");
    assertNullableInt(pagination.get("next-page"), next, "next-page");
    assertThat(pagination.get("total-pages").asInt()).as("total-pages").isEqualTo(totalPages);
    assertThat(pagination.get("total-count").asLong()).as("total-count").isEqualTo(totalCount);
  }

  private static void assertNullableInt(JsonNode node, Integer expected, String name) {
    if (expected == null) {
      assertThat(node.isNull()).as(name + " is null: " + node).isTrue();
    } else {
      assertThat(node.isIntegralNumber()).as(name + " is an integer: " + node).isTrue();
      assertThat(node.asInt()).as(name).isEqualTo(expected);
    }
  }

  private static void assertLinks(JsonNode document, String self, String prev, String next) {
    JsonNode links = document.get("links");
    assertThat(links.get("self").asString()).as("self").isEqualTo(self);
    if (prev == null) {
      assertThat(links.get("prev").isNull()).as("prev is null: " + links).isTrue();
    } else {
      assertThat(links.get("prev").asString()).as("prev").isEqualTo(prev);
    }
    if (next == null) {
      assertThat(links.get("next").isNull()).as("next is null: " + links).isTrue();
    } else {
      assertThat(links.get("next").asString()).as("next").isEqualTo(next);
    }
  }

  private static void assertPermissions(JsonNode data, boolean expected) {
    JsonNode permissions = data.at("/attributes/permissions");
    assertThat(permissions.get("webhook-endpoints:update").asBoolean()).isEqualTo(expected);
    assertThat(permissions.get("webhook-endpoints:delete").asBoolean()).isEqualTo(expected);
  }
}
