package io.hookwire.contract.endpoints;

import static io.hookwire.contract.endpoints.EndpointDocuments.COLLECTION;
import static io.hookwire.contract.endpoints.EndpointDocuments.JSON_API;
import static io.hookwire.contract.endpoints.EndpointDocuments.as;
import static io.hookwire.contract.endpoints.EndpointDocuments.assertLink;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInAccount;
import static io.hookwire.contract.endpoints.EndpointDocuments.createInEnvironment;
import static io.hookwire.contract.endpoints.EndpointDocuments.errors;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.HookwireEndpoints;
import io.hookwire.client.HookwireEndpoints.EndpointQuery;
import io.hookwire.client.endpoints.api.EndpointsApi;
import io.hookwire.client.endpoints.model.Endpoint;
import io.hookwire.client.endpoints.model.EndpointListDocument;
import io.hookwire.client.endpoints.model.JsonApiError;
import io.hookwire.client.endpoints.model.Pagination;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Account;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/iacp/v3/endpoints}: filters, search, order, pages and their links. Each test has
 * an account of its own, so that it knows exactly what the list holds.
 */
class EndpointsListContractTest {

  private Account account;
  private EndpointsApi api;

  @BeforeEach
  void provision() {
    account = Fixtures.newAccount();
    api = as(account.adminToken()).endpoints();
  }

  /** Lists with only the given parameters; the rest left to the server. */
  private EndpointListDocument list(
      String filterAccount, String filterEnvironment, String query, List<String> sort) {
    return api.listEndpoints(null, filterAccount, filterEnvironment, query, sort, null, null);
  }

  private EndpointListDocument page(int number, int size, List<String> sort) {
    return api.listEndpoints(null, null, null, null, sort, number, size);
  }

  private static List<String> ids(EndpointListDocument document) {
    return document.getData().stream().map(Endpoint::getId).toList();
  }

  private static List<String> names(EndpointListDocument document) {
    return document.getData().stream().map(e -> e.getAttributes().getName()).toList();
  }

  private void createNamed(String... names) {
    for (String name : names) {
      createInAccount(account.adminToken(), account.id(), name, "https://x.io/" + name);
    }
  }

  @Test
  void singlePageListHasMetaLinksAndNoIncluded() {
    createNamed("one", "two", "three");

    ResponseEntity<EndpointListDocument> response =
        api.listEndpointsWithHttpInfo(null, null, null, null, null, null, null);

    assertThat(response.getHeaders().getContentType()).hasToString(JSON_API);
    assertThat(response.getHeaders().getFirst("Preference-Applied")).isEqualTo("profile=preview");
    EndpointListDocument document = response.getBody();
    assertThat(document.getData()).hasSize(3);
    assertThat(document.getIncluded()).isNull();
    Pagination pagination = document.getMeta().getPagination();
    assertThat(pagination.getCurrentPage()).isEqualTo(1);
    assertThat(pagination.getPageSize()).isEqualTo(20);
    assertThat(pagination.getPrevPage()).isNull();
    assertThat(pagination.getNextPage()).isNull();
    assertThat(pagination.getTotalPages()).isEqualTo(1);
    assertThat(pagination.getTotalCount()).isEqualTo(3L);
    String only = COLLECTION + "?page[number]=1&page[size]=20";
    assertLink(document.getLinks().getFirst(), only);
    assertLink(document.getLinks().getLast(), only);
    assertLink(document.getLinks().getSelf(), only);
    assertThat(document.getLinks().getNext()).isNull();
    assertThat(document.getLinks().getPrev()).isNull();
    for (Endpoint listed : document.getData()) {
      assertThat(listed).isEqualTo(api.getEndpoint(listed.getId(), null).getData());
    }
  }

  @Test
  void listedEndpointsCarryAbsoluteSelfLinksAndPermissions() {
    createNamed("linked");

    Endpoint listed = list(null, null, null, null).getData().get(0);

    assertLink(listed.getLinks().getSelf(), COLLECTION + "/" + listed.getId());
    assertThat(listed.getAttributes().getPermissions().getWebhookEndpointsUpdate()).isTrue();
    Endpoint readerView =
        as(account.readerToken())
            .endpoints()
            .listEndpoints(null, null, null, null, null, null, null)
            .getData()
            .get(0);
    assertThat(readerView.getAttributes().getPermissions().getWebhookEndpointsUpdate()).isFalse();
    assertThat(readerView.getAttributes().getPermissions().getWebhookEndpointsDelete()).isFalse();
  }

  @Test
  void emptyListHasOneEmptyPage() {
    EndpointListDocument document = list(null, null, null, null);

    assertThat(document.getData()).isEmpty();
    assertThat(document.getMeta().getPagination().getCurrentPage()).isEqualTo(1);
    assertThat(document.getMeta().getPagination().getTotalCount()).isZero();
    assertThat(document.getMeta().getPagination().getTotalPages()).isZero();
    assertThat(document.getLinks().getNext()).isNull();
    assertThat(document.getLinks().getPrev()).isNull();
  }

  @Test
  void pagesHaveNeighboursAndLinksToThem() {
    createNamed("a", "b", "c", "d", "e");

    EndpointListDocument first = page(1, 2, List.of("name"));
    EndpointListDocument middle = page(2, 2, List.of("name"));
    EndpointListDocument last = page(3, 2, List.of("name"));

    assertThat(names(first)).containsExactly("a", "b");
    assertThat(names(middle)).containsExactly("c", "d");
    assertThat(names(last)).containsExactly("e");
    assertThat(first.getMeta().getPagination())
        .satisfies(
            p -> {
              assertThat(p.getPrevPage()).isNull();
              assertThat(p.getNextPage()).isEqualTo(2);
              assertThat(p.getTotalPages()).isEqualTo(3);
              assertThat(p.getTotalCount()).isEqualTo(5L);
              assertThat(p.getPageSize()).isEqualTo(2);
            });
    assertThat(middle.getMeta().getPagination().getPrevPage()).isEqualTo(1);
    assertThat(middle.getMeta().getPagination().getNextPage()).isEqualTo(3);
    assertThat(last.getMeta().getPagination().getNextPage()).isNull();
    assertThat(last.getLinks().getNext()).isNull();
    String sorted = COLLECTION + "?sort=name&page[size]=2&page[number]=";
    assertLink(middle.getLinks().getFirst(), sorted + 1);
    assertLink(middle.getLinks().getPrev(), sorted + 1);
    assertLink(middle.getLinks().getSelf(), sorted + 2);
    assertLink(middle.getLinks().getNext(), sorted + 3);
    assertLink(middle.getLinks().getLast(), sorted + 3);
    assertThat(first.getLinks().getPrev()).isNull();
  }

  @Test
  void nextLinkKeepsFiltersQueryAndSortAndLeadsToTheNextPage() {
    String environment = account.environmentIds().get(0);
    for (String name : List.of("hook a", "hook b", "hook c", "other")) {
      createInEnvironment(account.adminToken(), environment, name, "https://x.io");
    }

    EndpointListDocument first =
        api.listEndpoints(null, account.id(), environment, "hook", List.of("-name"), 1, 2);

    URI next = first.getLinks().getNext();
    assertLink(
        next,
        COLLECTION
            + "?filter[account]="
            + account.id()
            + "&filter[environment]="
            + environment
            + "&query=hook&sort=-name&page[number]=2&page[size]=2");
    Answer followed =
        RawHttp.request("GET", COLLECTION + "?" + next.getRawQuery())
            .bearer(account.adminToken())
            .send();
    assertThat(followed.status()).isEqualTo(200);
    assertThat(followed.json().at("/data"))
        .singleElement()
        .satisfies(e -> assertThat(e.at("/attributes/name").asString()).isEqualTo("hook a"));
    assertThat(followed.json().at("/meta/pagination/total-count").asInt()).isEqualTo(3);
    assertThat(followed.json().at("/links/self").asString()).isEqualTo(next.toString());
    String filtered =
        COLLECTION
            + "?filter[account]="
            + account.id()
            + "&filter[environment]="
            + environment
            + "&query=hook&sort=-name&page[size]=2&page[number]=";
    assertLink(first.getLinks().getSelf(), filtered + 1);
    assertLink(first.getLinks().getLast(), filtered + 2);
    URI prev = URI.create(followed.json().at("/links/prev").asString());
    assertLink(prev, filtered + 1);
    Answer back =
        RawHttp.request("GET", COLLECTION + "?" + prev.getRawQuery())
            .bearer(account.adminToken())
            .send();
    assertThat(back.json().findValuesAsString("name")).containsExactly("hook c", "hook b");
  }

  @Test
  void pagePastTheEndIsEmpty() {
    createNamed("a", "b", "c");

    EndpointListDocument document = page(3, 2, null);

    assertThat(document.getData()).isEmpty();
    assertThat(document.getMeta().getPagination().getCurrentPage()).isEqualTo(3);
    assertThat(document.getMeta().getPagination().getNextPage()).isNull();
    assertThat(document.getMeta().getPagination().getTotalCount()).isEqualTo(3L);
    assertThat(document.getLinks().getNext()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "page[number]=0",
        "page[number]=-1",
        "page[number]=x",
        "page[number]=1.5",
        "page[number]=",
        "page[size]=0",
        "page[size]=101",
        "page[size]=-2",
        "page[size]=ten",
        "page[size]=",
        "sort=created",
        "sort=id",
        "sort=-id",
        "sort=foo",
        "sort=name,secret-key",
        "sort=name,foo",
        "sort=timeout",
        "sort=max-attempts",
        "sort=",
        "sort=name,"
      })
  void aPageOrSortOutsideItsDomainIs400AtTheParameter(String parameter) {
    Answer answer =
        RawHttp.request("GET", COLLECTION + "?" + parameter).bearer(account.adminToken()).send();

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).hasValue(JSON_API);
    assertThat(answer.json().at("/errors/0/source/parameter").asString())
        .isEqualTo(parameter.substring(0, parameter.indexOf('=')));
  }

  @Test
  void largestPageSizeIsServed() {
    createNamed("a");

    assertThat(page(1, 100, null).getMeta().getPagination().getPageSize()).isEqualTo(100);
  }

  @Test
  void filterByEnvironmentListsOnlyItsEndpoints() {
    String first = account.environmentIds().get(0);
    String second = account.environmentIds().get(1);
    Endpoint inFirst = createInEnvironment(account.adminToken(), first, "first", "https://x.io");
    createInEnvironment(account.adminToken(), second, "second", "https://x.io");
    createNamed("accountscoped");

    EndpointListDocument document = list(null, first, null, null);

    assertThat(ids(document)).containsExactly(inFirst.getId());
    assertThat(document.getMeta().getPagination().getTotalCount()).isEqualTo(1L);
  }

  @Test
  void filterByOwnAccountListsAllOfIt() {
    createInEnvironment(account.adminToken(), account.environmentIds().get(1), "e", "https://x.io");
    createNamed("a");

    assertThat(list(account.id(), null, null, null).getData()).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "filter%5Baccount%5D=",
        "filter%5Benvironment%5D=",
        "filter%5Baccount%5D=&filter%5Benvironment%5D=&query="
      })
  void emptyFilterValuesMeanNoFilter(String query) {
    createInEnvironment(account.adminToken(), account.environmentIds().get(1), "e", "https://x.io");
    createNamed("a");

    Answer answer =
        RawHttp.request("GET", COLLECTION + "?" + query).bearer(account.adminToken()).send();

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().at("/meta/pagination/total-count").asInt()).isEqualTo(2);
  }

  @Test
  void filterByAnotherAccountIs404AtTheParameter() {
    Account other = Fixtures.newAccount();

    List<JsonApiError> errors = errors(404, () -> list(other.id(), null, null, null));

    assertThat(errors.get(0).getSource().getParameter()).isEqualTo("filter[account]");
    assertThat(errors.get(0).getTitle())
        .isEqualTo("Account with ID '" + other.id() + "' not found or user unauthorized.");
  }

  @Test
  void filterByAnUnknownEnvironmentIs404AtTheParameter() {
    List<JsonApiError> errors = errors(404, () -> list(null, "env-00000000000000000", null, null));

    assertThat(errors.get(0).getSource().getParameter()).isEqualTo("filter[environment]");
  }

  @Test
  void queryIsACaseInsensitiveSubstringOfNameOrUrl() {
    Endpoint byName =
        createInAccount(account.adminToken(), account.id(), "Deploy Alerts", "https://x.io/1");
    Endpoint byUrl =
        createInAccount(
            account.adminToken(), account.id(), "pager", "https://hooks.EXAMPLE.com/alerts");
    createInAccount(account.adminToken(), account.id(), "other", "https://x.io/2");

    assertThat(ids(list(null, null, "ALERTS", List.of("name"))))
        .containsExactly(byName.getId(), byUrl.getId());
    assertThat(ids(list(null, null, "example.COM", null))).containsExactly(byUrl.getId());
    assertThat(ids(list(null, null, "loy al", null))).containsExactly(byName.getId());
    assertThat(list(null, null, "nowhere", null).getMeta().getPagination().getTotalCount())
        .isZero();
  }

  @Test
  void queryTakesPercentAndUnderscoreLiterally() {
    Endpoint percent = createInAccount(account.adminToken(), account.id(), "50%", "https://x.io");
    Endpoint underscore =
        createInAccount(account.adminToken(), account.id(), "a_b", "https://x.io");
    Endpoint both = createInAccount(account.adminToken(), account.id(), "50%_off", "https://x.io");
    createInAccount(account.adminToken(), account.id(), "50 and more", "https://x.io");
    createInAccount(account.adminToken(), account.id(), "axb", "https://x.io");

    assertThat(ids(list(null, null, "%", null)))
        .containsExactlyInAnyOrder(percent.getId(), both.getId());
    assertThat(ids(list(null, null, "_", null)))
        .containsExactlyInAnyOrder(both.getId(), underscore.getId());
    assertThat(ids(list(null, null, "50%_", null))).containsExactly(both.getId());
  }

  @Test
  void sortByNameAscendingAndDescending() {
    createNamed("b", "c", "a");

    assertThat(names(list(null, null, null, List.of("name")))).containsExactly("a", "b", "c");
    assertThat(names(list(null, null, null, List.of("-name")))).containsExactly("c", "b", "a");
  }

  @Test
  void aFieldSortedByAgainAddsNothing() {
    createNamed("b", "c", "a");

    assertThat(names(list(null, null, null, List.of("name", "-name", "name"))))
        .containsExactly("a", "b", "c");
  }

  @Test
  void sortByUrlAscendingAndDescending() {
    createInAccount(account.adminToken(), account.id(), "x", "https://b.example/");
    createInAccount(account.adminToken(), account.id(), "y", "https://c.example/");
    createInAccount(account.adminToken(), account.id(), "z", "https://a.example/");

    assertThat(names(list(null, null, null, List.of("url")))).containsExactly("z", "x", "y");
    assertThat(names(list(null, null, null, List.of("-url")))).containsExactly("y", "x", "z");
  }

  /** Names and urls of x@b, x@a and y@c, in the order each sort lists them. */
  @ParameterizedTest(name = "sort={0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name,url | x@a x@b y@c",
        "name,-url | x@b x@a y@c",
        "-name,url | y@c x@a x@b",
        "url,name | x@a x@b y@c"
      })
  void laterSortKeysOrderWhatEarlierOnesTie(String sort, String expected) {
    Map<String, String> labels = new HashMap<>();
    for (String label : List.of("x@b", "x@a", "y@c")) {
      String[] nameAndHost = label.split("@");
      String url = "https://" + nameAndHost[1] + ".io/";
      labels.put(
          createInAccount(account.adminToken(), account.id(), nameAndHost[0], url).getId(), label);
    }

    List<String> listed = ids(list(null, null, null, List.of(sort.split(","))));

    assertThat(listed.stream().map(labels::get)).containsExactly(expected.split(" "));
  }

  @Test
  void sortKeysCombineAndTiesAreBrokenById() {
    List<String> twins =
        Stream.of(1, 2, 3)
            .map(n -> createInAccount(account.adminToken(), account.id(), "same", "https://a.io/"))
            .map(Endpoint::getId)
            .sorted()
            .toList();
    String secondUrl =
        createInAccount(account.adminToken(), account.id(), "same", "https://b.io/").getId();
    List<String> allById = Stream.concat(twins.stream(), Stream.of(secondUrl)).sorted().toList();

    assertThat(ids(list(null, null, null, List.of("name", "-url"))))
        .containsExactly(secondUrl, twins.get(0), twins.get(1), twins.get(2));
    // A descending sort is the exact reverse of the ascending one, ties included.
    assertThat(ids(list(null, null, null, List.of("-name"))))
        .containsExactly(allById.get(3), allById.get(2), allById.get(1), allById.get(0));
    // Ties follow the first key's direction, whatever the later keys' are.
    assertThat(ids(list(null, null, null, List.of("-name", "url"))))
        .containsExactly(twins.get(2), twins.get(1), twins.get(0), secondUrl);
    // Pages of ties are stable: one by one they hold every endpoint once, in id order.
    assertThat(Stream.of(1, 2, 3, 4).flatMap(n -> ids(page(n, 1, List.of("name"))).stream()))
        .containsExactlyElementsOf(allById);
  }

  @Test
  void bracketsInParameterNamesMayBeEncodedOrNot() {
    createNamed("a", "b", "c");
    String query = "?filter[account]=" + account.id() + "&page[size]=1&page[number]=2";

    Answer plain = RawHttp.request("GET", COLLECTION + query).bearer(account.adminToken()).send();
    Answer encoded =
        RawHttp.request("GET", COLLECTION + query.replace("[", "%5B").replace("]", "%5D"))
            .bearer(account.adminToken())
            .send();

    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.json().at("/meta/pagination/current-page").asInt()).isEqualTo(2);
    assertThat(plain.json().at("/meta/pagination/total-count").asInt()).isEqualTo(3);
    assertThat(plain.json().at("/data")).hasSize(1);
    assertThat(encoded.json()).isEqualTo(plain.json());
  }

  @Test
  void allEndpointsIteratesLazilyOverEveryPage() {
    createNamed("a", "b", "c", "d", "e", "f", "g");
    AtomicInteger requests = new AtomicInteger();
    HookwireEndpoints counting =
        HookwireEndpoints.connect(
            ContractServer.get().baseUrl(),
            account.adminToken(),
            Fixtures.options()
                .withInterceptor(
                    (request, body, execution) -> {
                      requests.incrementAndGet();
                      return execution.execute(request, body);
                    }));
    EndpointQuery query = EndpointQuery.all().withSort("name").withPageSize(2);

    assertThat(counting.streamEndpoints(query).limit(3).map(e -> e.getAttributes().getName()))
        .containsExactly("a", "b", "c");
    // Three items of pages of two: the third page is never asked for.
    assertThat(requests).hasValue(2);

    requests.set(0);
    List<String> all = new ArrayList<>();
    counting.allEndpoints(query).forEach(e -> all.add(e.getAttributes().getName()));
    assertThat(all).containsExactly("a", "b", "c", "d", "e", "f", "g");
    assertThat(requests).hasValue(4);
  }
}
