package io.hookwire.server.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookwire.server.DatabaseTest;
import io.hookwire.server.operator.AccountRecord;
import io.hookwire.server.operator.AccountsStore;
import io.hookwire.server.operator.EnvironmentRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Every operation of {@link EndpointsStore} on a real database: {@link EndpointsStoreOnH2Test} and
 * {@link EndpointsStoreOnPostgresTest} run it on both databases the server supports.
 *
 * <p>Names and urls that are compared by order are lowercase ASCII and differ first at a letter or
 * digit, so that H2 and PostgreSQL (whatever the collation of its database) order them alike.
 */
abstract class EndpointsStoreTest extends DatabaseTest {

  static final Instant T1 = Instant.parse("2025-03-01T23:59:59.999999Z");

  /** More than any list of these tests holds. */
  static final int ALL = 1_000;

  AccountsStore accounts;
  EndpointsStore store;

  /**
   * Two accounts: {@code acc-a} with environments {@code env-1}, {@code env-2}, {@code env-3}, and
   * {@code acc-b} with {@code env-o}.
   */
  @BeforeEach
  void accountsWithEnvironments() {
    accounts = new AccountsStore(jdbc);
    store = new EndpointsStore(jdbc, dataSource());
    accounts.insertAccount(new AccountRecord("acc-a", "Demo", T0));
    accounts.insertAccount(new AccountRecord("acc-b", "Other", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-1", "acc-a", "Production", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-2", "acc-a", "Staging", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-3", "acc-a", "Development", T0));
    accounts.insertEnvironment(new EnvironmentRecord("env-o", "acc-b", "Production", T0));
  }

  // Insert, find, update, delete

  @Test
  void anEndpointIsFoundByIdWithEveryColumnAndItsTimeToTheMicrosecond() {
    EndpointRecord endpoint =
        new EndpointRecord(
            "ep_01HZY3Q8K9",
            "acc-a",
            "env-2",
            "Orders ünïcode",
            "https://hooks.example.com/orders?x=1&y=%20",
            7,
            45,
            "whsec_" + "s".repeat(1000),
            T1);
    store.insert(endpoint);

    EndpointRecord read = store.find("ep_01HZY3Q8K9").orElseThrow();

    assertThat(read).isEqualTo(endpoint);
    assertThat(read.createdAt()).isEqualTo(Instant.parse("2025-03-01T23:59:59.999999Z"));
    assertThat(read.environmentId()).isEqualTo("env-2");
    assertThat(read.maxAttempts()).isEqualTo(7);
    assertThat(read.timeout()).isEqualTo(45);
    assertThat(store.find("ep_unknown")).isEmpty();
  }

  @Test
  void anAccountScopedEndpointReadsBackWithANullEnvironment() {
    EndpointRecord endpoint =
        new EndpointRecord(
            "ep-a", "acc-a", null, "Account wide", "https://a.example/", 1, 1, "k", T0);
    store.insert(endpoint);

    assertThat(store.find("ep-a")).contains(endpoint);
    assertThat(store.find("ep-a").orElseThrow().environmentId()).isNull();
  }

  @Test
  void anEndpointIdIsUnique() {
    store.insert(endpoint("ep-1", "acc-a", null, "first", "https://first.example/"));

    assertThatThrownBy(
            () -> store.insert(endpoint("ep-1", "acc-a", null, "again", "https://again.example/")))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(store.find("ep-1").orElseThrow().name()).isEqualTo("first");
  }

  @Test
  void anEndpointNeedsAnExistingAccountAndEnvironment() {
    assertThatThrownBy(
            () -> store.insert(endpoint("ep-1", "acc-unknown", null, "n", "https://n.example/")))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () -> store.insert(endpoint("ep-1", "acc-a", "env-unknown", "n", "https://n.example/")))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(store.find("ep-1")).isEmpty();
  }

  @Test
  void anUpdateChangesEveryMutableColumnAndOnlyThatEndpoint() {
    EndpointRecord original =
        new EndpointRecord(
            "ep-1", "acc-a", "env-1", "before", "https://before.example/", 3, 30, "old", T0);
    EndpointRecord other = endpoint("ep-2", "acc-a", "env-1", "other", "https://other.example/");
    store.insert(original);
    store.insert(other);

    EndpointRecord changed =
        new EndpointRecord(
            "ep-1", "acc-a", "env-2", "after", "https://after.example/hook", 10, 120, "new", T0);
    store.update(changed);
    assertThat(store.find("ep-1")).contains(changed);

    EndpointRecord accountScoped =
        new EndpointRecord(
            "ep-1", "acc-a", null, "after", "https://after.example/hook", 10, 120, "new", T0);
    store.update(accountScoped);
    assertThat(store.find("ep-1")).contains(accountScoped);

    EndpointRecord backInAnEnvironment =
        new EndpointRecord(
            "ep-1", "acc-a", "env-3", "again", "https://again.example/", 1, 1, "newer", T0);
    store.update(backInAnEnvironment);
    assertThat(store.find("ep-1")).contains(backInAnEnvironment);

    assertThat(store.find("ep-2")).contains(other);
  }

  @Test
  void anUpdateKeepsTheAccountAndCreationTime() {
    store.insert(endpoint("ep-1", "acc-a", null, "n", "https://n.example/"));

    store.update(
        new EndpointRecord("ep-1", "acc-b", null, "m", "https://m.example/", 3, 30, "k", T1));

    EndpointRecord read = store.find("ep-1").orElseThrow();
    assertThat(read.accountId()).isEqualTo("acc-a");
    assertThat(read.createdAt()).isEqualTo(T0);
    assertThat(read.name()).isEqualTo("m");
  }

  @Test
  void anUpdateToAnUnknownEnvironmentIsRefusedByTheDatabase() {
    EndpointRecord endpoint = endpoint("ep-1", "acc-a", "env-1", "n", "https://n.example/");
    store.insert(endpoint);

    assertThatThrownBy(
            () -> store.update(endpoint("ep-1", "acc-a", "env-unknown", "n", "https://n.example/")))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(store.find("ep-1")).contains(endpoint);
  }

  @Test
  void deletingTellsWhetherThereWasAnEndpoint() {
    store.insert(endpoint("ep-1", "acc-a", null, "one", "https://one.example/"));
    store.insert(endpoint("ep-2", "acc-a", "env-1", "two", "https://two.example/"));

    assertThat(store.delete("ep-1")).isTrue();
    assertThat(store.find("ep-1")).isEmpty();
    assertThat(store.find("ep-2")).isPresent();
    assertThat(store.delete("ep-1")).isFalse();
    assertThat(store.delete("ep-unknown")).isFalse();
  }

  @Test
  void theAccountOfAnEnvironmentIsFoundIfTheEnvironmentExists() {
    assertThat(store.accountOfEnvironment("env-1")).contains("acc-a");
    assertThat(store.accountOfEnvironment("env-o")).contains("acc-b");
    assertThat(store.accountOfEnvironment("env-unknown")).isEmpty();
    assertThat(store.accountOfEnvironment("acc-a")).isEmpty();
  }

  // Cascades

  @Test
  void deletingAnEnvironmentDeletesItsEndpointsOnly() {
    store.insert(endpoint("ep-1", "acc-a", "env-1", "one", "https://one.example/"));
    store.insert(endpoint("ep-2", "acc-a", "env-1", "two", "https://two.example/"));
    store.insert(endpoint("ep-3", "acc-a", "env-2", "three", "https://three.example/"));
    store.insert(endpoint("ep-4", "acc-a", null, "four", "https://four.example/"));

    assertThat(accounts.deleteEnvironment("acc-a", "env-1")).isTrue();

    assertThat(endpointIds()).containsExactly("ep-3", "ep-4");
    assertThat(store.count(query("acc-a"))).isEqualTo(2);
  }

  @Test
  void deletingAnAccountDeletesItsEndpointsOnly() {
    store.insert(endpoint("ep-1", "acc-a", "env-1", "one", "https://one.example/"));
    store.insert(endpoint("ep-2", "acc-a", null, "two", "https://two.example/"));
    store.insert(endpoint("ep-3", "acc-b", "env-o", "three", "https://three.example/"));
    store.insert(endpoint("ep-4", "acc-b", null, "four", "https://four.example/"));

    assertThat(accounts.deleteAccount("acc-a")).isTrue();

    assertThat(endpointIds()).containsExactly("ep-3", "ep-4");
    assertThat(store.count(query("acc-a"))).isZero();
    assertThat(page(query("acc-a"), 0, ALL)).isEmpty();
  }

  // Lists: who sees what

  @Test
  void aListNeverReachesBeyondItsAccount() {
    store.insert(endpoint("ep-a1", "acc-a", null, "shared", "https://shared.example/"));
    store.insert(endpoint("ep-a2", "acc-a", "env-1", "mine", "https://mine.example/"));
    store.insert(endpoint("ep-b1", "acc-b", null, "shared", "https://shared.example/"));
    store.insert(endpoint("ep-b2", "acc-b", "env-o", "theirs", "https://theirs.example/"));

    assertListed(query("acc-a"), "ep-a1", "ep-a2");
    assertListed(query("acc-b"), "ep-b1", "ep-b2");
    assertListed(query("acc-unknown"));
    // An environment of another account, named as visible or as the filter, opens nothing up.
    assertListed(visible("acc-a", Set.of("env-o")), "ep-a1");
    assertListed(environment("acc-a", "env-o"));
    assertListed(text("acc-a", "shared"), "ep-a1");
  }

  @Test
  void visibleEnvironmentsNullMeansAllEmptyMeansAccountScopedOnlyAndASubsetAddsThose() {
    insertOneEndpointPerScope();

    assertListed(visible("acc-a", null), "ep-0", "ep-1", "ep-2", "ep-3", "ep-4");
    assertListed(visible("acc-a", Set.of()), "ep-0", "ep-4");
    assertListed(visible("acc-a", Set.of("env-2")), "ep-0", "ep-2", "ep-4");
    assertListed(
        visible("acc-a", new LinkedHashSet<>(List.of("env-3", "env-1"))),
        "ep-0",
        "ep-1",
        "ep-3",
        "ep-4");
    assertListed(
        visible("acc-a", Set.of("env-1", "env-2", "env-3")),
        "ep-0",
        "ep-1",
        "ep-2",
        "ep-3",
        "ep-4");
    assertListed(visible("acc-a", Set.of("env-unknown")), "ep-0", "ep-4");
  }

  @Test
  void theEnvironmentFilterKeepsOnlyThatEnvironmentsEndpoints() {
    insertOneEndpointPerScope();
    store.insert(endpoint("ep-5", "acc-a", "env-1", "five", "https://five.example/"));

    assertListed(environment("acc-a", "env-1"), "ep-1", "ep-5");
    assertListed(environment("acc-a", "env-2"), "ep-2");
    assertListed(environment("acc-a", "env-unknown"));
    // Within what the caller sees.
    assertListed(
        new EndpointQuery("acc-a", Set.of("env-1"), "env-1", null, List.of()), "ep-1", "ep-5");
    assertListed(new EndpointQuery("acc-a", Set.of("env-1"), "env-2", null, List.of()));
    assertListed(new EndpointQuery("acc-a", Set.of(), "env-1", null, List.of()));
    assertListed(new EndpointQuery("acc-a", null, "env-1", "FIVE", List.of()), "ep-5");
  }

  // Lists: the text query

  @Test
  void theTextIsACaseInsensitiveSubstringOfTheNameOrTheUrl() {
    store.insert(endpoint("ep-1", "acc-a", null, "Billing Events", "https://hooks.example/b"));
    store.insert(endpoint("ep-2", "acc-a", null, "orders", "https://BILLING.example.org/o"));
    store.insert(endpoint("ep-3", "acc-a", "env-1", "invoices", "https://pay.example/billing"));
    store.insert(endpoint("ep-4", "acc-a", null, "shipping", "https://ship.example/s"));
    store.insert(endpoint("ep-5", "acc-b", null, "billing", "https://billing.example/"));

    assertListed(text("acc-a", "billing"), "ep-1", "ep-2", "ep-3");
    assertListed(text("acc-a", "BiLLinG"), "ep-1", "ep-2", "ep-3");
    assertListed(text("acc-a", "ING EVE"), "ep-1");
    assertListed(text("acc-a", "example.org"), "ep-2");
    assertListed(text("acc-a", "https://"), "ep-1", "ep-2", "ep-3", "ep-4");
    assertListed(text("acc-a", "S"), "ep-1", "ep-2", "ep-3", "ep-4");
    assertListed(text("acc-a", "nothing like it"));
    assertListed(new EndpointQuery("acc-a", Set.of(), null, "billing", List.of()), "ep-1", "ep-2");
  }

  @Test
  void percentUnderscoreAndBackslashInTheTextAreLiteral() {
    store.insert(endpoint("ep-1", "acc-a", null, "50% off", "https://shop.example/a"));
    store.insert(endpoint("ep-2", "acc-a", null, "500 off", "https://shop.example/b"));
    store.insert(endpoint("ep-3", "acc-a", null, "a_b", "https://shop.example/c"));
    store.insert(endpoint("ep-4", "acc-a", null, "axb", "https://shop.example/d"));
    store.insert(endpoint("ep-5", "acc-a", null, "c:\\dir\\file", "https://shop.example/e"));
    store.insert(endpoint("ep-6", "acc-a", null, "c:dirfile", "https://shop.example/f"));
    store.insert(endpoint("ep-7", "acc-a", null, "literal \\% sign", "https://shop.example/g"));
    store.insert(endpoint("ep-8", "acc-a", null, "plain", "https://shop.example/q?x=1%26_y"));

    assertListed(text("acc-a", "50%"), "ep-1");
    assertListed(text("acc-a", "%"), "ep-1", "ep-7", "ep-8");
    assertListed(text("acc-a", "a_b"), "ep-3");
    assertListed(text("acc-a", "_"), "ep-3", "ep-8");
    assertListed(text("acc-a", "\\"), "ep-5", "ep-7");
    assertListed(text("acc-a", "\\dir\\"), "ep-5");
    assertListed(text("acc-a", "c:\\d"), "ep-5");
    assertListed(text("acc-a", "\\%"), "ep-7");
    assertListed(text("acc-a", "%26_"), "ep-8");
    assertListed(text("acc-a", "%%"));
    assertListed(text("acc-a", "'"));
  }

  // Lists: order

  @Test
  void aListIsOrderedByNameOrUrlEitherWayWithTiesBrokenByIdInTheFirstKeysDirection() {
    // Two names and two urls tie; ids are inserted out of order.
    store.insert(endpoint("ep-5", "acc-a", null, "bravo", "https://delta.example/"));
    store.insert(endpoint("ep-2", "acc-a", "env-1", "alpha", "https://echo.example/"));
    store.insert(endpoint("ep-4", "acc-a", null, "charlie", "https://alpha.example/"));
    store.insert(endpoint("ep-1", "acc-a", "env-2", "bravo", "https://charlie.example/"));
    store.insert(endpoint("ep-3", "acc-a", null, "delta", "https://charlie.example/"));
    store.insert(endpoint("ep-0", "acc-b", null, "aaa", "https://aaa.example/"));

    assertListed(ordered("acc-a"), "ep-1", "ep-2", "ep-3", "ep-4", "ep-5");
    assertListed(ordered("acc-a", "name"), "ep-2", "ep-1", "ep-5", "ep-4", "ep-3");
    assertListed(ordered("acc-a", "-name"), "ep-3", "ep-4", "ep-5", "ep-1", "ep-2");
    assertListed(ordered("acc-a", "url"), "ep-4", "ep-1", "ep-3", "ep-5", "ep-2");
    assertListed(ordered("acc-a", "-url"), "ep-2", "ep-5", "ep-3", "ep-1", "ep-4");
    assertListed(ordered("acc-a", "name", "url"), "ep-2", "ep-1", "ep-5", "ep-4", "ep-3");
    assertListed(ordered("acc-a", "name", "-url"), "ep-2", "ep-5", "ep-1", "ep-4", "ep-3");
    assertListed(ordered("acc-a", "-name", "-url"), "ep-3", "ep-4", "ep-5", "ep-1", "ep-2");
    assertListed(ordered("acc-a", "url", "name"), "ep-4", "ep-1", "ep-3", "ep-5", "ep-2");
    assertListed(ordered("acc-a", "url", "-name"), "ep-4", "ep-3", "ep-1", "ep-5", "ep-2");
    assertListed(ordered("acc-a", "-url", "-name"), "ep-2", "ep-5", "ep-3", "ep-1", "ep-4");
  }

  @Test
  void theOrderMatchesASortInJavaOnManyEndpoints() {
    List<EndpointRecord> all = manyEndpoints(60);
    List<List<String>> orders =
        List.of(
            List.of(),
            List.of("name"),
            List.of("-name"),
            List.of("url"),
            List.of("-url"),
            List.of("name", "url"),
            List.of("name", "-url"),
            List.of("-name", "url"),
            List.of("-name", "-url"),
            List.of("url", "name"),
            List.of("-url", "name"),
            List.of("url", "-name"),
            List.of("-url", "-name"));

    for (List<String> order : orders) {
      List<String> expected =
          all.stream().sorted(comparator(order)).map(EndpointRecord::id).toList();
      assertThat(ids(page(ordered("acc-a", order.toArray(String[]::new)), 0, ALL)))
          .as("sort %s", order)
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void anUnknownSortFieldIsRefusedBeforeAnySql() {
    EndpointQuery query =
        new EndpointQuery(
            "acc-a", null, null, null, List.of(new EndpointQuery.SortKey("name; DROP", false)));

    assertThatThrownBy(() -> store.page(query, 0, 10, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name; DROP");
    assertThatThrownBy(
            () ->
                store.page(
                    new EndpointQuery(
                        "acc-a",
                        null,
                        null,
                        null,
                        List.of(new EndpointQuery.SortKey("created_at", true))),
                    0,
                    10,
                    10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // Lists: pages

  @Test
  void pagesConcatenateToTheWholeOrderedListWithoutGapsOrDuplicates() {
    manyEndpoints(23);

    for (String[] order : new String[][] {{"name"}, {"-url"}, {"-name", "url"}, {}}) {
      EndpointQuery query = ordered("acc-a", order);
      List<String> whole = ids(page(query, 0, ALL));
      assertThat(whole).hasSize(23).doesNotHaveDuplicates();
      for (int size : new int[] {1, 5, 7, 23, 100}) {
        List<String> concatenated = new ArrayList<>();
        int pages = (23 + size - 1) / size;
        for (int number = 1; number <= pages; number++) {
          List<EndpointRecord> page = page(query, (long) (number - 1) * size, size);
          assertThat(page.size()).isEqualTo(number < pages ? size : 23 - (pages - 1) * size);
          concatenated.addAll(ids(page));
        }
        assertThat(concatenated).as("size %d", size).containsExactlyElementsOf(whole);
        assertThat(page(query, (long) pages * size, size)).isEmpty();
      }
      assertThat(store.count(query)).isEqualTo(23);
    }
  }

  @Test
  void aPagePastTheEndIsEmptyAndTheCountStays() {
    manyEndpoints(3);
    EndpointQuery query = ordered("acc-a", "name");

    assertThat(page(query, 3, 20)).isEmpty();
    assertThat(page(query, 1_000_000_000_000L, 20)).isEmpty();
    assertThat(page(query, 2, 20)).hasSize(1);
    assertThat(store.count(query)).isEqualTo(3);
  }

  @Test
  void pagesOfAFilteredListCountOnlyWhatIsFiltered() {
    List<EndpointRecord> all = manyEndpoints(40);
    EndpointQuery query =
        new EndpointQuery(
            "acc-a", Set.of("env-1"), null, "7", List.of(new EndpointQuery.SortKey("url", true)));
    List<String> expected =
        all.stream()
            .filter(e -> e.environmentId() == null || e.environmentId().equals("env-1"))
            .filter(e -> e.name().contains("7") || e.url().contains("7"))
            .sorted(comparator(List.of("-url")))
            .map(EndpointRecord::id)
            .toList();
    assertThat(expected).isNotEmpty();

    assertListed(query, expected.toArray(String[]::new));
    List<String> concatenated = new ArrayList<>();
    for (long offset = 0; offset < expected.size(); offset += 2) {
      concatenated.addAll(ids(page(query, offset, 2)));
    }
    assertThat(concatenated).containsExactlyElementsOf(expected);
  }

  // Helpers

  static EndpointRecord endpoint(
      String id, String account, String environment, String name, String url) {
    return new EndpointRecord(id, account, environment, name, url, 3, 30, "secret-" + id, T0);
  }

  /** In acc-a: ep-0 and ep-4 account-scoped, ep-1, ep-2, ep-3 in env-1, env-2, env-3. */
  private void insertOneEndpointPerScope() {
    store.insert(endpoint("ep-0", "acc-a", null, "zero", "https://zero.example/"));
    store.insert(endpoint("ep-1", "acc-a", "env-1", "one", "https://one.example/"));
    store.insert(endpoint("ep-2", "acc-a", "env-2", "two", "https://two.example/"));
    store.insert(endpoint("ep-3", "acc-a", "env-3", "three", "https://three.example/"));
    store.insert(endpoint("ep-4", "acc-a", null, "four", "https://four.example/"));
    store.insert(endpoint("ep-o", "acc-b", "env-o", "other", "https://other.example/"));
  }

  /**
   * {@code count} endpoints in acc-a, with few distinct names and urls so that many tie, spread
   * over no environment and env-1..3, inserted in no particular order of id; plus some in acc-b.
   */
  private List<EndpointRecord> manyEndpoints(int count) {
    String[] names = {"alpha", "bravo", "charlie", "delta", "echo"};
    String[] hosts = {"kilo", "lima", "mike", "november"};
    String[] environments = {null, "env-1", "env-2", "env-3"};
    List<EndpointRecord> inserted = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = (i * 7) % count;
      EndpointRecord endpoint =
          endpoint(
              String.format("ep-%03d", n),
              "acc-a",
              environments[n % 4],
              names[(n * 3) % 5] + (n % 2 == 0 ? "" : "x" + (n % 3)),
              "https://" + hosts[n % 4] + ".example/h" + (n % 9));
      store.insert(endpoint);
      inserted.add(endpoint);
    }
    for (int i = 0; i < 5; i++) {
      store.insert(
          endpoint("ep-b" + i, "acc-b", i % 2 == 0 ? null : "env-o", "alpha", "https://a.ex/"));
    }
    return inserted;
  }

  /** What the SQL should do, in Java: the keys, then id ascending. */
  private static Comparator<EndpointRecord> comparator(List<String> order) {
    Comparator<EndpointRecord> comparator = (a, b) -> 0;
    for (String key : order) {
      boolean descending = key.startsWith("-");
      Comparator<EndpointRecord> byKey =
          Comparator.comparing(key.endsWith("name") ? EndpointRecord::name : EndpointRecord::url);
      comparator = comparator.thenComparing(descending ? byKey.reversed() : byKey);
    }
    Comparator<EndpointRecord> byId = Comparator.comparing(EndpointRecord::id);
    return comparator.thenComparing(
        !order.isEmpty() && order.get(0).startsWith("-") ? byId.reversed() : byId);
  }

  private static EndpointQuery query(String account) {
    return new EndpointQuery(account, null, null, null, List.of());
  }

  private static EndpointQuery visible(String account, Set<String> environments) {
    return new EndpointQuery(account, environments, null, null, List.of());
  }

  private static EndpointQuery environment(String account, String environment) {
    return new EndpointQuery(account, null, environment, null, List.of());
  }

  private static EndpointQuery text(String account, String text) {
    return new EndpointQuery(account, null, null, text, List.of());
  }

  /** Sorted by {@code name}, {@code -url} and the like. */
  private static EndpointQuery ordered(String account, String... order) {
    List<EndpointQuery.SortKey> keys = new ArrayList<>();
    for (String key : order) {
      keys.add(
          key.startsWith("-")
              ? new EndpointQuery.SortKey(key.substring(1), true)
              : new EndpointQuery.SortKey(key, false));
    }
    return new EndpointQuery(account, null, null, null, keys);
  }

  /**
   * The query lists exactly these ids in this order (without sort keys, id order), and its count
   * agrees.
   */
  private void assertListed(EndpointQuery query, String... expected) {
    assertThat(ids(page(query, 0, ALL))).as("page of %s", query).containsExactly(expected);
    assertThat(store.count(query)).as("count of %s", query).isEqualTo(expected.length);
  }

  /** A page as the service reads it: after the count, in the same transaction. */
  private List<EndpointRecord> page(EndpointQuery query, long offset, int limit) {
    return store.page(query, offset, limit, store.count(query));
  }

  private static List<String> ids(List<EndpointRecord> endpoints) {
    return endpoints.stream().map(EndpointRecord::id).toList();
  }

  private List<String> endpointIds() {
    return jdbc.sql("SELECT id FROM endpoints ORDER BY id").query(String.class).list();
  }
}
