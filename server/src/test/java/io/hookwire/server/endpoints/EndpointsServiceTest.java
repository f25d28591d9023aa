package io.hookwire.server.endpoints;

import static io.hookwire.server.platform.errors.InvalidFieldsAssertions.assertInvalidAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookwire.server.TestDatabases;
import io.hookwire.server.auth.EndpointsCaller;
import io.hookwire.server.auth.EndpointsCaller.Role;
import io.hookwire.server.endpoints.EndpointsService.Changes;
import io.hookwire.server.endpoints.EndpointsService.ListRequest;
import io.hookwire.server.endpoints.EndpointsService.NewEndpoint;
import io.hookwire.server.endpoints.EndpointsService.Page;
import io.hookwire.server.platform.SecureIds;
import io.hookwire.server.platform.Tokens;
import io.hookwire.server.platform.errors.ConflictException;
import io.hookwire.server.platform.errors.ForbiddenException;
import io.hookwire.server.platform.errors.InvalidParameterException;
import io.hookwire.server.platform.errors.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Endpoints API's rules, on the real store over H2. */
class EndpointsServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-22T09:00:00.123456Z");
  private static final EndpointsCaller ADMIN =
      new EndpointsCaller("usr-admin", "acc-a", Role.ADMIN, null);
  private static final EndpointsCaller READER =
      new EndpointsCaller("usr-reader", "acc-a", Role.READER, null);
  private static final EndpointsCaller ONLY_E2 =
      new EndpointsCaller("usr-e2", "acc-a", Role.ADMIN, Set.of("env-e2"));
  private static final EndpointsCaller OTHER =
      new EndpointsCaller("usr-other", "acc-b", Role.ADMIN, null);

  private static DataSource database;
  private EndpointsService service;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabases.h2();
  }

  @BeforeEach
  void accounts() {
    TestDatabases.reset(database);
    JdbcClient jdbc = JdbcClient.create(database);
    jdbc.sql("INSERT INTO accounts VALUES ('acc-a', 'A', :now), ('acc-b', 'B', :now)")
        .param("now", NOW.atOffset(ZoneOffset.UTC))
        .update();
    jdbc.sql(
            "INSERT INTO environments VALUES ('env-e1', 'acc-a', 'E1', :now),"
                + " ('env-e2', 'acc-a', 'E2', :now), ('env-b', 'acc-b', 'B', :now)")
        .param("now", NOW.atOffset(ZoneOffset.UTC))
        .update();
    service =
        new EndpointsService(
            new EndpointsStore(jdbc, database),
            new SecureIds(),
            new Tokens(),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void createAppliesDefaultsAndGeneratesIdAndSecret() {
    EndpointRecord created = service.create(ADMIN, inAccount("acc-a"));

    assertThat(created.id()).matches("ep-[0-9a-z]{17}");
    assertThat(created.maxAttempts()).isEqualTo(3);
    assertThat(created.timeout()).isEqualTo(15);
    assertThat(created.secretKey()).hasSizeGreaterThanOrEqualTo(16);
    assertThat(created.createdAt()).isEqualTo(NOW);
    assertThat(service.get(ADMIN, created.id())).isEqualTo(created);
  }

  @Test
  void theAccountIsDerivedFromTheEnvironment() {
    EndpointRecord created = service.create(ADMIN, endpoint(null, "env-e1"));

    assertThat(created.accountId()).isEqualTo("acc-a");
    assertThat(created.environmentId()).isEqualTo("env-e1");
  }

  @Test
  void anInvisibleOrForeignRelationshipIsNotFoundWhereTheBodyNamesIt() {
    assertNotFoundAt(
        () -> service.create(ADMIN, inAccount("acc-b")), "/data/relationships/account");
    assertNotFoundAt(
        () -> service.create(ADMIN, endpoint("acc-a", "env-b")), "/data/relationships/environment");
    assertNotFoundAt(
        () -> service.create(ADMIN, endpoint(null, "env-unknown")),
        "/data/relationships/environment");
    assertNotFoundAt(
        () -> service.create(ONLY_E2, endpoint(null, "env-e1")), "/data/relationships/environment");
  }

  @Test
  void aReaderCannotCreate() {
    assertNotFoundAt(
        () -> service.create(READER, inAccount("acc-a")), "/data/relationships/account");
  }

  @Test
  void clientIdsAreForbidden() {
    NewEndpoint withId =
        new NewEndpoint("ep-mine", "n", "https://h.example", null, null, null, "acc-a", null);

    assertThatThrownBy(() -> service.create(ADMIN, withId)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anEndpointNeedsARelationshipAndAUrlWithAHost() {
    NewEndpoint nowhere = new NewEndpoint(null, "n", "http://[::1", null, null, null, null, null);

    assertInvalidAt(
        () -> service.create(ADMIN, nowhere), "/data/attributes/url", "/data/relationships");
  }

  @Test
  void updateChangesOnlyWhatIsGivenAndNullResetsDefaults() {
    EndpointRecord created =
        service.create(
            ADMIN,
            new NewEndpoint(null, "n", "https://h.example", 9, 99, "s3cret", null, "env-e1"));

    EndpointRecord renamed =
        service.update(ADMIN, created.id(), changes("renamed", JsonNullable.undefined()));
    EndpointRecord reset =
        service.update(
            ADMIN,
            created.id(),
            new Changes(
                created.id(),
                null,
                null,
                JsonNullable.of(null),
                JsonNullable.of(null),
                null,
                "acc-a",
                JsonNullable.of(null)));

    assertThat(renamed)
        .isEqualTo(
            new EndpointRecord(
                created.id(),
                "acc-a",
                "env-e1",
                "renamed",
                "https://h.example",
                9,
                99,
                "s3cret",
                NOW));
    assertThat(reset.maxAttempts()).isEqualTo(3);
    assertThat(reset.timeout()).isEqualTo(15);
    assertThat(reset.environmentId()).isNull();
    assertThat(service.get(ADMIN, created.id())).isEqualTo(reset);
  }

  @Test
  void updateRefusesAnotherIdAReaderAndAnInvisibleEnvironment() {
    String id = service.create(ADMIN, inAccount("acc-a")).id();
    Changes otherId =
        new Changes(
            "ep-other",
            null,
            null,
            JsonNullable.undefined(),
            JsonNullable.undefined(),
            null,
            null,
            JsonNullable.undefined());

    assertThatThrownBy(() -> service.update(ADMIN, id, otherId))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> service.update(READER, id, changes("x", JsonNullable.undefined())))
        .isInstanceOf(NotFoundException.class);
    assertNotFoundAt(
        () -> service.update(ONLY_E2, id, changes(null, JsonNullable.of("env-e1"))),
        "/data/relationships/environment");
  }

  @Test
  void whatACallerDoesNotSeeIsNotFound() {
    String inE1 = service.create(ADMIN, endpoint(null, "env-e1")).id();

    assertThatThrownBy(() -> service.get(ONLY_E2, inE1)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.get(OTHER, inE1)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.delete(OTHER, inE1)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.delete(READER, inE1)).isInstanceOf(NotFoundException.class);
    assertThat(service.get(READER, inE1).id()).isEqualTo(inE1);
  }

  @Test
  void deleteRemovesTheEndpoint() {
    String id = service.create(ADMIN, inAccount("acc-a")).id();

    service.delete(ADMIN, id);

    assertThatThrownBy(() -> service.get(ADMIN, id)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void listShowsAndCountsOnlyWhatTheCallerSees() {
    service.create(ADMIN, endpoint(null, "env-e1"));
    service.create(ADMIN, endpoint(null, "env-e2"));
    service.create(ADMIN, inAccount("acc-a"));
    service.create(OTHER, inAccount("acc-b"));

    assertThat(service.list(ADMIN, page(List.of(), 1, 20)).totalCount()).isEqualTo(3);
    assertThat(service.list(ONLY_E2, page(List.of(), 1, 20)).items())
        .extracting(EndpointRecord::environmentId)
        .containsExactlyInAnyOrder("env-e2", null);
    assertThat(service.list(OTHER, page(List.of(), 1, 20)).totalCount()).isEqualTo(1);
  }

  @Test
  void listFiltersOnlyWhatTheCallerMaySee() {
    assertThatThrownBy(
            () -> service.list(ADMIN, new ListRequest("acc-b", null, null, List.of(), 1, 20)))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> assertThat(e.source().parameter()).isEqualTo("filter[account]"));
    assertThatThrownBy(
            () -> service.list(ONLY_E2, new ListRequest(null, "env-e1", null, List.of(), 1, 20)))
        .isInstanceOfSatisfying(
            NotFoundException.class,
            e -> assertThat(e.source().parameter()).isEqualTo("filter[environment]"));
    assertThat(service.list(ADMIN, new ListRequest("", " ", "", List.of(), 1, 20)).items())
        .isEmpty();
  }

  @Test
  void listSortsOnlyByNameAndUrlAndNeverByAnEmptyField() {
    assertThatThrownBy(() -> service.list(ADMIN, page(List.of("created"), 1, 20)))
        .isInstanceOf(InvalidParameterException.class);
    assertThatThrownBy(() -> service.list(ADMIN, page(List.of("name", ""), 1, 20)))
        .isInstanceOf(InvalidParameterException.class);
  }

  @Test
  void aFieldSortedByAgainAddsNothing() {
    for (String name : List.of("b", "a", "c")) {
      service.create(
          ADMIN,
          new NewEndpoint(
              null, name, "https://hooks.example.com/1", null, null, null, "acc-a", null));
    }

    assertThat(service.list(ADMIN, page(List.of("name", "-name", "name"), 1, 20)).items())
        .extracting(EndpointRecord::name)
        .containsExactly("a", "b", "c");
    assertThat(service.list(ADMIN, page(List.of("name", "-name", "name"), 1, 20)).items())
        .isEqualTo(service.list(ADMIN, page(List.of("name"), 1, 20)).items());
  }

  @Test
  void pagesKnowTheirNeighbours() {
    assertThat(pageOf(1, 2, 5))
        .extracting(Page::totalPages, Page::previous, Page::next)
        .containsExactly(3, null, 2);
    assertThat(pageOf(3, 2, 5))
        .extracting(Page::totalPages, Page::previous, Page::next)
        .containsExactly(3, 2, null);
    assertThat(pageOf(9, 2, 5)).extracting(Page::previous, Page::next).containsExactly(8, null);
    assertThat(pageOf(1, 20, 0))
        .extracting(Page::totalPages, Page::previous, Page::next)
        .containsExactly(0, null, null);
  }

  private static Page pageOf(int number, int size, long count) {
    return new Page(List.of(), number, size, count);
  }

  private static ListRequest page(List<String> sort, int number, int size) {
    return new ListRequest(null, null, null, sort, number, size);
  }

  private static NewEndpoint inAccount(String account) {
    return endpoint(account, null);
  }

  private static NewEndpoint endpoint(String account, String environment) {
    return new NewEndpoint(
        null, "hook", "https://hooks.example.com/1", null, null, null, account, environment);
  }

  private static Changes changes(String name, JsonNullable<String> environment) {
    return new Changes(
        null,
        name,
        null,
        JsonNullable.undefined(),
        JsonNullable.undefined(),
        null,
        null,
        environment);
  }

  private static void assertNotFoundAt(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String pointer) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.source().pointer()).isEqualTo(pointer));
  }
}
