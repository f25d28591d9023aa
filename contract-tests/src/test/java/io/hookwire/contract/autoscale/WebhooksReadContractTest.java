package io.hookwire.contract.autoscale;

import static io.hookwire.contract.autoscale.AutoscaleContract.admin;
import static io.hookwire.contract.autoscale.AutoscaleContract.assertError;
import static io.hookwire.contract.autoscale.AutoscaleContract.byId;
import static io.hookwire.contract.autoscale.AutoscaleContract.collection;
import static io.hookwire.contract.autoscale.AutoscaleContract.createNumbered;
import static io.hookwire.contract.autoscale.AutoscaleContract.ids;
import static io.hookwire.contract.autoscale.AutoscaleContract.named;
import static io.hookwire.contract.autoscale.AutoscaleContract.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.client.HookwireAutoscale;
import io.hookwire.client.autoscale.model.Link;
import io.hookwire.client.autoscale.model.Webhook;
import io.hookwire.client.autoscale.model.WebhookList;
import io.hookwire.contract.support.ContractServer;
import io.hookwire.contract.support.Fixtures;
import io.hookwire.contract.support.Fixtures.Tenant;
import io.hookwire.contract.support.RawHttp;
import io.hookwire.contract.support.RawHttp.Answer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * GET on the collection and on one webhook: order, paging and query arguments. One tenant for the
 * class, whose policy holds twenty webhooks that no test changes, and whose other policy holds one,
 * which no list of the first shows.
 */
class WebhooksReadContractTest {

  private static final int STORED = 20;

  private static Tenant tenant;
  private static List<Webhook> stored;

  @BeforeAll
  static void provision() {
    tenant = Fixtures.newTenant();
    stored = createNumbered(tenant, "read", STORED);
    admin(tenant)
        .createWebhooks(
            tenant.id(), tenant.groupId(), tenant.otherPolicyId(), List.of(named("sibling")));
  }

  @Test
  void aPolicyWithoutWebhooksListsNoneAndNoLinks() {
    Tenant empty = Fixtures.newTenant();

    Answer answer = send(RawHttp.request("GET", collection(empty)).authToken(empty.adminToken()));

    assertThat(answer.status()).isEqualTo(200);
    JsonNode page = answer.json();
    assertThat(page.propertyNames()).containsExactlyInAnyOrder("webhooks", "webhooks_links");
    assertThat(page.path("webhooks").isArray()).isTrue();
    assertThat(page.path("webhooks").isEmpty()).isTrue();
    assertThat(page.path("webhooks_links").isArray()).isTrue();
    assertThat(page.path("webhooks_links").isEmpty()).isTrue();
  }

  @Test
  void listsEveryWebhookOrderedById() {
    WebhookList page = list(null, null);

    assertThat(ids(page.getWebhooks())).containsExactlyElementsOf(byId(stored));
    assertThat(page.getWebhooksLinks()).isEmpty();
  }

  @Test
  void listedWebhooksAreAsCreated() {
    Map<UUID, Webhook> created = stored.stream().collect(Collectors.toMap(Webhook::getId, w -> w));

    for (Webhook listed : list(null, null).getWebhooks()) {
      assertThat(listed).isEqualTo(created.get(listed.getId()));
    }
  }

  @Test
  void aFullPageHasANextLinkWithLimitAndTheLastIdAsMarker() {
    WebhookList first = list(7, null);

    List<String> all = byId(stored);
    assertThat(ids(first.getWebhooks())).containsExactlyElementsOf(all.subList(0, 7));
    assertThat(first.getWebhooksLinks()).hasSize(1);
    Link next = first.getWebhooksLinks().get(0);
    assertThat(next.getRel()).isEqualTo(Link.RelEnum.NEXT);
    URI href = next.getHref();
    assertThat(href.isAbsolute()).isTrue();
    assertThat(href.getPath()).isEqualTo(collection(tenant) + "/");
    assertThat(href.getRawQuery()).isEqualTo("limit=7&marker=" + all.get(6));
  }

  @Test
  void followingNextLinksWalksEveryPageOnce() {
    String path = collection(tenant) + "?limit=6";
    List<String> seen = new ArrayList<>();
    int pages = 0;
    while (path != null) {
      assertThat(pages).as("pages followed: a next link that never ends").isLessThan(10);
      Answer answer = send(RawHttp.request("GET", path).authToken(tenant.adminToken()));
      assertThat(answer.status()).isEqualTo(200);
      answer.json().path("webhooks").forEach(w -> seen.add(w.path("id").asString()));
      var links = answer.json().path("webhooks_links");
      URI next = links.isEmpty() ? null : URI.create(links.get(0).path("href").asString());
      path = next == null ? null : next.getRawPath() + "?" + next.getRawQuery();
      pages++;
    }
    assertThat(seen).containsExactlyElementsOf(byId(stored));
    assertThat(pages).isEqualTo(4); // 6 + 6 + 6 + 2: the last page is not full
  }

  @Test
  void aPageThatIsExactlyFullStillLinksToAnEmptyLastPage() {
    WebhookList second = list(10, byId(stored).get(9));

    assertThat(ids(second.getWebhooks())).containsExactlyElementsOf(byId(stored).subList(10, 20));
    assertThat(second.getWebhooksLinks()).hasSize(1);
    URI next = second.getWebhooksLinks().get(0).getHref();
    Answer third =
        send(
            RawHttp.request("GET", next.getRawPath() + "?" + next.getRawQuery())
                .authToken(tenant.adminToken()));
    assertThat(third.status()).isEqualTo(200);
    assertThat(third.json().path("webhooks").isEmpty()).isTrue();
    assertThat(third.json().path("webhooks_links").isEmpty()).isTrue();
  }

  @Test
  void theMarkerReturnsOnlyIdsStrictlyAfterIt() {
    List<String> all = byId(stored);

    assertThat(ids(list(null, all.get(4)).getWebhooks()))
        .containsExactlyElementsOf(all.subList(5, all.size()));
  }

  @Test
  void anUnknownMarkerIsFine() {
    UUID unknown = UUID.randomUUID();
    List<String> after =
        byId(stored).stream().filter(id -> id.compareTo(unknown.toString()) > 0).toList();

    assertThat(ids(list(null, unknown.toString()).getWebhooks())).containsExactlyElementsOf(after);
    assertThat(ids(list(null, new UUID(0, 0).toString()).getWebhooks()))
        .containsExactlyElementsOf(byId(stored));
    assertThat(list(null, "ffffffff-ffff-ffff-ffff-ffffffffffff").getWebhooks()).isEmpty();
  }

  @Test
  void aLimitBelowOneIsTakenAsOne() {
    for (int limit : List.of(0, -1, Integer.MIN_VALUE)) {
      WebhookList page = list(limit, null);

      assertThat(ids(page.getWebhooks())).containsExactly(byId(stored).get(0));
      var next = UriComponentsBuilder.fromUri(page.getWebhooksLinks().get(0).getHref()).build();
      assertThat(next.getQueryParams().getFirst("limit")).isEqualTo("1");
    }
  }

  @Test
  void aLimitAboveAHundredIsTakenAsAHundred() {
    for (Integer limit : List.of(101, 1000, Integer.MAX_VALUE)) {
      WebhookList page = list(limit, null);

      assertThat(ids(page.getWebhooks())).containsExactlyElementsOf(byId(stored));
      assertThat(page.getWebhooksLinks()).isEmpty();
    }
  }

  @Test
  void withoutALimitAPageHoldsUpToAHundred() {
    // The policy holds fewer than 100 (its quota is 25), so the default page is not full.
    assertThat(list(null, null).getWebhooks()).hasSize(STORED);
    assertThat(list(null, null).getWebhooksLinks()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "limit=abc",
        "limit=1.5",
        "limit=1e2",
        "limit=",
        "limit=99999999999",
        "sort=name",
        "page=2",
        "limit=5&offset=5",
        "marker=00000000-0000-0000-0000-000000000000&page=2",
        "LIMIT=5"
      })
  void aBadOrUnknownQueryArgumentIsInvalidQueryArgument(String query) {
    for (String path : List.of(collection(tenant), collection(tenant) + "/")) {
      Answer answer =
          send(RawHttp.request("GET", path + "?" + query).authToken(tenant.adminToken()));

      assertError(answer, 400, "InvalidQueryArgument");
    }
  }

  @Test
  void anyMarkerIsTextAfterWhichComeTheGreaterIds() {
    List<String> all = byId(stored);
    String fifth = all.get(4);

    // Compared as text, as Otter does: a prefix of an id comes just before it.
    assertThat(ids(list(null, fifth.substring(0, 8)).getWebhooks()))
        .containsExactlyElementsOf(all.subList(4, STORED));
    assertThat(ids(list(null, fifth).getWebhooks()))
        .containsExactlyElementsOf(all.subList(5, STORED));
    assertThat(ids(list(null, "zzzz").getWebhooks())).isEmpty();
    assertThat(list(null, "zzzz").getWebhooksLinks()).isEmpty();
    assertThat(ids(list(null, "not-a-uuid").getWebhooks())).isEmpty();
    assertThat(ids(list(null, " ").getWebhooks())).containsExactlyElementsOf(all);
    assertThat(ids(list(2, "!").getWebhooks())).containsExactlyElementsOf(all.subList(0, 2));
    // Upper case letters sort before lower case ones.
    String upper = all.get(STORED - 1).toUpperCase();
    assertThat(ids(list(null, upper).getWebhooks()))
        .containsExactlyElementsOf(all.stream().filter(id -> id.compareTo(upper) > 0).toList());
  }

  @Test
  void theMarkerMayComeBeforeTheLimit() {
    List<String> all = byId(stored);

    Answer answer =
        send(
            RawHttp.request("GET", collection(tenant) + "?marker=" + all.get(1) + "&limit=2")
                .authToken(tenant.adminToken()));

    assertThat(answer.status()).isEqualTo(200);
    List<String> listed = new ArrayList<>();
    answer.json().path("webhooks").forEach(webhook -> listed.add(webhook.path("id").asString()));
    assertThat(listed).containsExactlyElementsOf(all.subList(2, 4));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"marker=", "limit=50&marker="})
  void anEmptyMarkerIsBeforeEveryId(String query) {
    Answer answer =
        send(
            RawHttp.request("GET", collection(tenant) + "?" + query)
                .authToken(tenant.adminToken()));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().path("webhooks")).hasSize(STORED);
  }

  @Test
  void getsOneWebhook() {
    Webhook expected = stored.get(3);

    Webhook got =
        admin(tenant)
            .getWebhook(
                tenant.id(), tenant.groupId(), tenant.policyId(), expected.getId().toString())
            .getWebhook();

    assertThat(got).isEqualTo(expected);
  }

  @Test
  void aBodyOverOneMebibyteOnAGetIsValidationError() {
    String path = collection(tenant) + "/" + stored.get(0).getId();

    Answer answer =
        send(
            RawHttp.request("GET", path)
                .authToken(tenant.adminToken())
                .json("\"" + "x".repeat(AutoscaleContract.OVERSIZED) + "\""));

    assertError(answer, 400, "ValidationError");
  }

  @Test
  void allWebhooksFetchesPagesLazilyAcrossSeveralPages() {
    var counter = new CountingInterceptor();
    var autoscale =
        HookwireAutoscale.connect(
            ContractServer.get().baseUrl(),
            tenant.adminToken(),
            Fixtures.options().withInterceptor(counter));

    var iterator =
        autoscale.allWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), 8).iterator();
    assertThat(counter.requests).isZero();
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      seen.add(iterator.next().getId().toString());
    }
    assertThat(counter.requests).isEqualTo(1);
    seen.add(iterator.next().getId().toString());
    assertThat(counter.requests).isEqualTo(2);
    iterator.forEachRemaining(webhook -> seen.add(webhook.getId().toString()));

    assertThat(seen).containsExactlyElementsOf(byId(stored));
    assertThat(counter.requests).isEqualTo(3); // 8 + 8 + 4: the last page has no next link
    assertThat(
            autoscale
                .streamWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), 3)
                .map(webhook -> webhook.getId().toString()))
        .containsExactlyElementsOf(byId(stored));
  }

  private static WebhookList list(Integer limit, String marker) {
    return admin(tenant)
        .listWebhooks(tenant.id(), tenant.groupId(), tenant.policyId(), limit, marker);
  }

  /** Counts the requests a client sends. */
  private static final class CountingInterceptor implements ClientHttpRequestInterceptor {
    private volatile int requests;

    @Override
    public ClientHttpResponse intercept(
        HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
      requests++;
      return execution.execute(request, body);
    }
  }
}
