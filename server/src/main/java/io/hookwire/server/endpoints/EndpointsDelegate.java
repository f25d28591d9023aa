package io.hookwire.server.endpoints;

import io.hookwire.server.auth.EndpointsCaller;
import io.hookwire.server.endpoints.EndpointsService.Changes;
import io.hookwire.server.endpoints.EndpointsService.ListRequest;
import io.hookwire.server.endpoints.EndpointsService.NewEndpoint;
import io.hookwire.server.endpoints.EndpointsService.Page;
import io.hookwire.server.endpoints.api.EndpointsApiDelegate;
import io.hookwire.server.endpoints.model.AccountIdentifier;
import io.hookwire.server.endpoints.model.AccountRelationship;
import io.hookwire.server.endpoints.model.Endpoint;
import io.hookwire.server.endpoints.model.EndpointAttributes;
import io.hookwire.server.endpoints.model.EndpointCreate;
import io.hookwire.server.endpoints.model.EndpointCreateAttributes;
import io.hookwire.server.endpoints.model.EndpointCreateDocument;
import io.hookwire.server.endpoints.model.EndpointCreateRelationships;
import io.hookwire.server.endpoints.model.EndpointDocument;
import io.hookwire.server.endpoints.model.EndpointListDocument;
import io.hookwire.server.endpoints.model.EndpointPermissions;
import io.hookwire.server.endpoints.model.EndpointRelationships;
import io.hookwire.server.endpoints.model.EndpointType;
import io.hookwire.server.endpoints.model.EndpointUpdate;
import io.hookwire.server.endpoints.model.EndpointUpdateAttributes;
import io.hookwire.server.endpoints.model.EndpointUpdateDocument;
import io.hookwire.server.endpoints.model.EndpointUpdateRelationships;
import io.hookwire.server.endpoints.model.EnvironmentIdentifier;
import io.hookwire.server.endpoints.model.EnvironmentRelationshipOrNull;
import io.hookwire.server.endpoints.model.ListMeta;
import io.hookwire.server.endpoints.model.PageLinks;
import io.hookwire.server.endpoints.model.Pagination;
import io.hookwire.server.endpoints.model.ResourceLinks;
import io.hookwire.server.platform.PublicUrls;
import io.hookwire.server.platform.errors.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.openapitools.jackson.nullable.JsonNullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The Endpoints API's operations: JSON:API documents to service calls and back. */
@Component
public record EndpointsDelegate(EndpointsService endpoints, PublicUrls urls)
    implements EndpointsApiDelegate {

  private static final String PAGE_NUMBER = "page[number]";
  private static final String PAGE_SIZE = "page[size]";

  static final String COLLECTION = "/api/iacp/v3/endpoints";
  private static final String PREVIEW = "profile=preview";

  @Override
  public ResponseEntity<EndpointListDocument> listEndpoints(
      String prefer,
      String filterAccount,
      String filterEnvironment,
      String query,
      List<String> sort,
      Integer pageNumber,
      Integer pageSize) {
    EndpointsCaller caller = caller();
    refuseEmpty(PAGE_NUMBER, PAGE_SIZE);
    ListRequest request =
        new ListRequest(
            filterAccount, filterEnvironment, query, sortFields(sort), pageNumber, pageSize);
    Page page = endpoints.list(caller, request);
    EndpointListDocument document =
        new EndpointListDocument()
            .data(page.items().stream().map(e -> endpoint(e, caller)).toList())
            .included(null)
            .links(links(request, page))
            .meta(
                new ListMeta(
                    new Pagination(
                        page.number(),
                        page.size(),
                        page.previous(),
                        page.next(),
                        page.totalPages(),
                        page.totalCount())));
    return ok(prefer).body(document);
  }

  @Override
  public ResponseEntity<EndpointDocument> createEndpoint(
      EndpointCreateDocument body, String prefer) {
    EndpointsCaller caller = caller();
    EndpointCreate data = body.getData();
    EndpointCreateAttributes attributes = data.getAttributes();
    EndpointCreateRelationships relationships = data.getRelationships();
    EndpointRecord created =
        endpoints.create(
            caller,
            new NewEndpoint(
                data.getId(),
                attributes.getName(),
                attributes.getUrl(),
                attributes.getMaxAttempts(),
                attributes.getTimeout(),
                attributes.getSecretKey(),
                accountId(relationships.getAccount()),
                relationships.getEnvironment() == null
                    ? null
                    : relationships.getEnvironment().getData().getId()));
    return preferenceApplied(ResponseEntity.created(self(created.id())), prefer)
        .body(document(created, caller));
  }

  @Override
  public ResponseEntity<EndpointDocument> getEndpoint(String endpoint, String prefer) {
    EndpointsCaller caller = caller();
    return ok(prefer).body(document(endpoints.get(caller, endpoint), caller));
  }

  @Override
  public ResponseEntity<EndpointDocument> updateEndpoint(
      String endpoint, EndpointUpdateDocument body, String prefer) {
    EndpointsCaller caller = caller();
    EndpointUpdate data = body.getData();
    EndpointUpdateAttributes attributes =
        data.getAttributes() != null ? data.getAttributes() : new EndpointUpdateAttributes();
    EndpointUpdateRelationships relationships =
        Objects.requireNonNullElseGet(data.getRelationships(), EndpointUpdateRelationships::new);
    JsonNullable<String> environment = JsonNullable.undefined();
    if (relationships.getEnvironment() != null) {
      environment =
          relationships.getEnvironment().getData().map(id -> id == null ? null : id.getId());
    }
    Changes changes =
        new Changes(
            data.getId(),
            attributes.getName(),
            attributes.getUrl(),
            attributes.getMaxAttempts(),
            attributes.getTimeout(),
            attributes.getSecretKey(),
            accountId(relationships.getAccount()),
            environment);
    return ok(prefer).body(document(endpoints.update(caller, endpoint, changes), caller));
  }

  @Override
  public ResponseEntity<Void> deleteEndpoint(String endpoint) {
    endpoints.delete(caller(), endpoint);
    return ResponseEntity.noContent().build();
  }

  private EndpointDocument document(EndpointRecord endpoint, EndpointsCaller caller) {
    return new EndpointDocument().data(endpoint(endpoint, caller)).included(null).meta(null);
  }

  private Endpoint endpoint(EndpointRecord endpoint, EndpointsCaller caller) {
    boolean write = caller.canWrite();
    EndpointRelationships relationships =
        new EndpointRelationships()
            .account(
                new AccountRelationship(
                    new AccountIdentifier(
                        AccountIdentifier.TypeEnum.ACCOUNTS, endpoint.accountId())))
            .environment(
                endpoint.environmentId() == null
                    ? null
                    : new EnvironmentRelationshipOrNull(
                        new EnvironmentIdentifier(
                            EnvironmentIdentifier.TypeEnum.ENVIRONMENTS,
                            endpoint.environmentId())));
    return new Endpoint()
        .type(EndpointType.ENDPOINTS)
        .id(endpoint.id())
        .attributes(
            new EndpointAttributes()
                .name(endpoint.name())
                .url(endpoint.url())
                .maxAttempts(endpoint.maxAttempts())
                .timeout(endpoint.timeout())
                .secretKey(endpoint.secretKey())
                .permissions(new EndpointPermissions(write, write)))
        .relationships(relationships)
        .links(new ResourceLinks().self(self(endpoint.id())));
  }

  private URI self(String id) {
    return urls.base().path(COLLECTION).pathSegment(id).build().toUri();
  }

  /** Links to the list's pages, each keeping the request's filters, query and sort. */
  private PageLinks links(ListRequest request, Page page) {
    int last = Math.max(page.totalPages(), 1);
    return new PageLinks(
        pageUrl(request, 1),
        pageUrl(request, last),
        page.next() == null ? null : pageUrl(request, page.next()),
        page.previous() == null ? null : pageUrl(request, page.previous()),
        pageUrl(request, page.number()));
  }

  private URI pageUrl(ListRequest request, int number) {
    UriComponentsBuilder url = urls.base().path(COLLECTION);
    addIfPresent(url, "filter[account]", request.filterAccount());
    addIfPresent(url, "filter[environment]", request.filterEnvironment());
    addIfPresent(url, "query", request.query());
    if (request.sort() != null && !request.sort().isEmpty()) {
      url.queryParam("sort", String.join(",", request.sort()));
    }
    url.queryParam(PAGE_NUMBER, number).queryParam(PAGE_SIZE, request.pageSize());
    return url.encode().build().toUri();
  }

  private static void addIfPresent(UriComponentsBuilder url, String name, String value) {
    if (value != null && !value.isEmpty()) {
      url.queryParam(name, value);
    }
  }

  private static ResponseEntity.BodyBuilder ok(String prefer) {
    return preferenceApplied(ResponseEntity.ok(), prefer);
  }

  /** Answers {@code Prefer: profile=preview}; without it, the same answer without the header. */
  private static ResponseEntity.BodyBuilder preferenceApplied(
      ResponseEntity.BodyBuilder response, String prefer) {
    if (prefer != null && prefer.contains(PREVIEW)) {
      response.header("Preference-Applied", PREVIEW);
    }
    return response;
  }

  /** Spring reads {@code page[size]=} as absent, but an empty value is not a number. */
  private static void refuseEmpty(String... names) {
    HttpServletRequest request = currentRequest();
    for (String name : names) {
      String[] sent = request.getParameterValues(name);
      if (sent != null && Arrays.stream(sent).anyMatch(String::isBlank)) {
        throw new InvalidParameterException(name, "'" + name + "' must be a number.");
      }
    }
  }

  private static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }

  /**
   * The sort fields as sent: Spring reads {@code sort=} as no sort at all, but it names an empty
   * field, which the service refuses like any field it cannot sort by.
   */
  private static List<String> sortFields(List<String> bound) {
    String[] sent = currentRequest().getParameterValues("sort");
    return sent == null
        ? bound
        : Arrays.stream(sent).flatMap(value -> Arrays.stream(value.split(",", -1))).toList();
  }

  /** The caller the authentication filter found for this request. */
  private static EndpointsCaller caller() {
    return (EndpointsCaller)
        RequestContextHolder.currentRequestAttributes()
            .getAttribute(EndpointsCaller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
  }

  /** The id of the account a body's relationships name, or null when they name none. */
  private static String accountId(AccountRelationship account) {
    return account == null ? null : account.getData().getId();
  }
}
