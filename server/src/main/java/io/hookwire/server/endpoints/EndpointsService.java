package io.hookwire.server.endpoints;

import io.hookwire.server.auth.EndpointsCaller;
import io.hookwire.server.platform.SecureIds;
import io.hookwire.server.platform.StoreTimes;
import io.hookwire.server.platform.Tokens;
import io.hookwire.server.platform.errors.ConflictException;
import io.hookwire.server.platform.errors.ForbiddenException;
import io.hookwire.server.platform.errors.InvalidFieldsException;
import io.hookwire.server.platform.errors.InvalidParameterException;
import io.hookwire.server.platform.errors.NotFoundException;
import io.hookwire.server.platform.errors.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the Endpoints API: who sees and changes which endpoint, defaults, relationships and
 * lists. What a caller may not see does not exist for it: every such answer is a 404.
 */
@Service
public class EndpointsService {

  static final int DEFAULT_MAX_ATTEMPTS = 3;
  static final int DEFAULT_TIMEOUT = 15;
  private static final Set<String> SORT_FIELDS = Set.of("name", "url");

  /**
   * The spec's {@code EndpointUrl} pattern, which the HTTP API enforces before this service: for
   * every other caller (the demo data set).
   */
  private static final Pattern URL =
      Pattern.compile(
          "^[hH][tT][tT][pP][sS]?://([^/?#@\\s]*@)?"
              + "([0-9A-Za-z]([0-9A-Za-z-]*[0-9A-Za-z])?(\\.[0-9A-Za-z]([0-9A-Za-z-]*[0-9A-Za-z])?)*\\.?"
              + "|\\[[0-9A-Fa-f:.]+])(:[0-9]{0,5})?([/?#][^\\s]*)?$");

  private static final String ACCOUNT = "/data/relationships/account";
  private static final String ENVIRONMENT = "/data/relationships/environment";

  private final EndpointsStore store;
  private final SecureIds ids;
  private final Tokens tokens;
  private final Clock clock;

  public EndpointsService(EndpointsStore store, SecureIds ids, Tokens tokens, Clock clock) {
    this.store = store;
    this.ids = ids;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * A new endpoint's settings.
   *
   * @param clientId the {@code data.id} the client sent, which is refused, or null
   * @param accountId the account relationship, or null
   * @param environmentId the environment relationship, or null
   */
  public record NewEndpoint(
      String clientId,
      String name,
      String url,
      Integer maxAttempts,
      Integer timeout,
      String secretKey,
      String accountId,
      String environmentId) {}

  /**
   * The changes to an endpoint: a null field, or an undefined {@link JsonNullable}, is left as it
   * is.
   *
   * @param id the {@code data.id} of the body, or null
   * @param maxAttempts null inside resets the default
   * @param timeout null inside resets the default
   * @param accountId the account relationship, or null
   * @param environmentId null inside moves the endpoint to account scope
   */
  public record Changes(
      String id,
      String name,
      String url,
      JsonNullable<Integer> maxAttempts,
      JsonNullable<Integer> timeout,
      String secretKey,
      String accountId,
      JsonNullable<String> environmentId) {}

  /**
   * What a list asks for; blank filters and query mean none.
   *
   * @param sort fields, each optionally prefixed {@code -} for descending
   */
  public record ListRequest(
      String filterAccount,
      String filterEnvironment,
      String query,
      List<String> sort,
      int pageNumber,
      int pageSize) {}

  /** One page of a list. */
  public record Page(List<EndpointRecord> items, int number, int size, long totalCount) {

    public int totalPages() {
      return (int) ((totalCount + size - 1) / size);
    }

    /** The page before, or null on the first. */
    public Integer previous() {
      return number > 1 ? number - 1 : null;
    }

    /** The page after, or null from the last on. */
    public Integer next() {
      return number < totalPages() ? number + 1 : null;
    }
  }

  /** Count and page in one snapshot, so that they agree while others write. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Page list(EndpointsCaller caller, ListRequest request) {
    String account = blankToNull(request.filterAccount());
    if (account != null && !account.equals(caller.accountId())) {
      throw NotFoundException.atParameter("Account", account, "filter[account]");
    }
    String environment = blankToNull(request.filterEnvironment());
    if (environment != null && !visibleEnvironment(caller, environment)) {
      throw NotFoundException.atParameter("Environment", environment, "filter[environment]");
    }
    EndpointQuery query =
        new EndpointQuery(
            caller.accountId(),
            caller.environmentIds(),
            environment,
            blankToNull(request.query()),
            sortKeys(request.sort()));
    long offset = (long) (request.pageNumber() - 1) * request.pageSize();
    long total = store.count(query);
    return new Page(
        store.page(query, offset, request.pageSize(), total),
        request.pageNumber(),
        request.pageSize(),
        total);
  }

  @Transactional
  public EndpointRecord create(EndpointsCaller caller, NewEndpoint endpoint) {
    if (endpoint.clientId() != null) {
      throw new ForbiddenException("Client-generated ids are not supported.");
    }
    List<Violation> violations = new ArrayList<>();
    checkUrl(violations, endpoint.url());
    if (endpoint.accountId() == null && endpoint.environmentId() == null) {
      violations.add(
          Violation.atPointer(
              "/data/relationships", "An account or an environment relationship is required."));
    }
    refuse(violations);
    String account = endpoint.accountId();
    if (account != null && (!account.equals(caller.accountId()) || !caller.canWrite())) {
      throw NotFoundException.atPointer("Account", account, ACCOUNT);
    }
    String environment = endpoint.environmentId();
    if (environment != null) {
      requireWritableEnvironment(caller, environment);
    }
    EndpointRecord created =
        new EndpointRecord(
            ids.prefixed("ep"),
            caller.accountId(),
            environment,
            endpoint.name(),
            endpoint.url(),
            orDefault(endpoint.maxAttempts(), DEFAULT_MAX_ATTEMPTS),
            orDefault(endpoint.timeout(), DEFAULT_TIMEOUT),
            endpoint.secretKey() != null ? endpoint.secretKey() : tokens.newSecret(),
            StoreTimes.now(clock));
    store.insert(created);
    return created;
  }

  public EndpointRecord get(EndpointsCaller caller, String id) {
    return visible(caller, id);
  }

  @Transactional
  public EndpointRecord update(EndpointsCaller caller, String id, Changes changes) {
    EndpointRecord current = writable(caller, id);
    if (changes.id() != null && !changes.id().equals(id)) {
      throw new ConflictException("data.id must be the id in the path, '" + id + "'.", "/data/id");
    }
    List<Violation> violations = new ArrayList<>();
    if (changes.url() != null) {
      checkUrl(violations, changes.url());
    }
    refuse(violations);
    if (changes.accountId() != null && !changes.accountId().equals(current.accountId())) {
      throw NotFoundException.atPointer("Account", changes.accountId(), ACCOUNT);
    }
    String environment = current.environmentId();
    if (changes.environmentId().isPresent()) {
      environment = changes.environmentId().get();
      if (environment != null) {
        requireWritableEnvironment(caller, environment);
      }
    }
    EndpointRecord updated =
        new EndpointRecord(
            id,
            current.accountId(),
            environment,
            changes.name() != null ? changes.name() : current.name(),
            changes.url() != null ? changes.url() : current.url(),
            changed(changes.maxAttempts(), current.maxAttempts(), DEFAULT_MAX_ATTEMPTS),
            changed(changes.timeout(), current.timeout(), DEFAULT_TIMEOUT),
            changes.secretKey() != null ? changes.secretKey() : current.secretKey(),
            current.createdAt());
    store.update(updated);
    return updated;
  }

  @Transactional
  public void delete(EndpointsCaller caller, String id) {
    writable(caller, id);
    store.delete(id);
  }

  private EndpointRecord visible(EndpointsCaller caller, String id) {
    return store
        .find(id)
        .filter(endpoint -> caller.sees(endpoint.accountId(), endpoint.environmentId()))
        .orElseThrow(() -> new NotFoundException("Endpoint", id));
  }

  /** The endpoint, if the caller may change it: a reader's write finds nothing. */
  private EndpointRecord writable(EndpointsCaller caller, String id) {
    EndpointRecord endpoint = visible(caller, id);
    if (!caller.canWrite()) {
      throw new NotFoundException("Endpoint", id);
    }
    return endpoint;
  }

  private boolean visibleEnvironment(EndpointsCaller caller, String environment) {
    return store
        .accountOfEnvironment(environment)
        .filter(account -> caller.sees(account, environment))
        .isPresent();
  }

  private void requireWritableEnvironment(EndpointsCaller caller, String environment) {
    if (!caller.canWrite() || !visibleEnvironment(caller, environment)) {
      throw NotFoundException.atPointer("Environment", environment, ENVIRONMENT);
    }
  }

  /** The sort keys of {@code name}, {@code -url} and the like; any other field is refused. */
  private static List<EndpointQuery.SortKey> sortKeys(List<String> sort) {
    List<EndpointQuery.SortKey> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String item : sort == null ? List.<String>of() : sort) {
      String field = item.trim();
      if (field.isEmpty()) {
        throw new InvalidParameterException("sort", "sort names an empty field.");
      }
      boolean descending = field.startsWith("-");
      String name = descending ? field.substring(1) : field;
      if (!SORT_FIELDS.contains(name)) {
        throw new InvalidParameterException(
            "sort", "Endpoints cannot be sorted by '" + name + "'; sort by name or url.");
      }
      // A field named again adds nothing: the first mention orders.
      if (seen.add(name)) {
        keys.add(new EndpointQuery.SortKey(name, descending));
      }
    }
    return keys;
  }

  /** An absolute http or https URL with a host: the spec's {@code EndpointUrl}. */
  private static void checkUrl(List<Violation> violations, String url) {
    if (!URL.matcher(url).matches()) {
      violations.add(
          Violation.atPointer(
              "/data/attributes/url", "url must be an absolute http or https URL with a host."));
    }
  }

  private static void refuse(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidFieldsException(violations);
    }
  }

  private static int orDefault(Integer value, int fallback) {
    return value != null ? value : fallback;
  }

  /** The new value of a nullable setting: unchanged if absent, the default if null. */
  private static int changed(JsonNullable<Integer> change, int current, int fallback) {
    if (change == null || !change.isPresent()) {
      return current;
    }
    return orDefault(change.get(), fallback);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
