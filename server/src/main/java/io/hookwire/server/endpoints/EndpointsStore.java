package io.hookwire.server.endpoints;

import io.hookwire.server.platform.Databases;
import io.hookwire.server.platform.StoreTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the Endpoints API: lists are filtered, ordered, counted and paged in the database. */
@Repository
public class EndpointsStore {

  private static final String COLUMNS =
      "id, account_id, environment_id, name, url, max_attempts, timeout, secret_key, created_at";

  /** The columns a list may be ordered by, by their API field. */
  private static final Map<String, String> SORT_COLUMNS = Map.of("name", "name", "url", "url");

  /** The index that reads an account's endpoints in each sort field's order, either way. */
  private static final Map<String, String> SORT_INDEXES =
      Map.of("name", "endpoints_by_name", "url", "endpoints_by_url");

  /** The index that reads an account's endpoints by id, the order of a list without sort. */
  private static final String ID_INDEX = "endpoints_by_account";

  private final JdbcClient jdbc;
  private final boolean h2;

  public EndpointsStore(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.h2 = Databases.isH2(dataSource);
  }

  public void insert(EndpointRecord endpoint) {
    jdbc.sql(
            "INSERT INTO endpoints ("
                + COLUMNS
                + ") VALUES (:id, :accountId, :environmentId, :name, :url, :maxAttempts,"
                + " :timeout, :secretKey, :createdAt)")
        .params(parameters(endpoint))
        .update();
  }

  public Optional<EndpointRecord> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM endpoints WHERE id = :id")
        .param("id", id)
        .query(EndpointsStore::endpoint)
        .optional();
  }

  public void update(EndpointRecord endpoint) {
    jdbc.sql(
            "UPDATE endpoints SET environment_id = :environmentId, name = :name, url = :url,"
                + " max_attempts = :maxAttempts, timeout = :timeout, secret_key = :secretKey"
                + " WHERE id = :id")
        .params(parameters(endpoint))
        .update();
  }

  /** Deletes the endpoint; false if there was none. */
  public boolean delete(String id) {
    return jdbc.sql("DELETE FROM endpoints WHERE id = :id").param("id", id).update() > 0;
  }

  /** The account of an environment, if the environment exists. */
  public Optional<String> accountOfEnvironment(String environmentId) {
    return jdbc.sql("SELECT account_id FROM environments WHERE id = :id")
        .param("id", environmentId)
        .query(String.class)
        .optional();
  }

  public long count(EndpointQuery query) {
    Map<String, Object> parameters = new HashMap<>();
    String where = where(query, parameters);
    return jdbc.sql("SELECT COUNT(*) FROM endpoints" + countHint(query) + " WHERE " + where)
        .params(parameters)
        .query(Long.class)
        .single();
  }

  /**
   * The page at {@code offset} of a list of {@code total} endpoints (its {@link #count} in the same
   * transaction). A page in the second half is read from the end, in the reverse order, and turned
   * around: the database then skips fewer rows, so that the last page costs what the first does.
   */
  public List<EndpointRecord> page(EndpointQuery query, long offset, int limit, long total) {
    if (offset >= total) {
      return List.of();
    }
    long fromEnd = total - offset - limit;
    if (fromEnd >= offset) {
      return select(query, offset, limit, false);
    }
    List<EndpointRecord> page =
        new ArrayList<>(
            select(query, Math.max(0, fromEnd), (int) Math.min(limit, total - offset), true));
    Collections.reverse(page);
    return page;
  }

  private List<EndpointRecord> select(
      EndpointQuery query, long offset, int limit, boolean reversed) {
    Map<String, Object> parameters = new HashMap<>();
    String where = where(query, parameters);
    parameters.put("offset", offset);
    parameters.put("limit", limit);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM endpoints"
                + indexHint(query)
                + " WHERE "
                + where
                + " ORDER BY "
                + orderBy(query.order(), reversed)
                + " LIMIT :limit OFFSET :offset")
        .params(parameters)
        .query(EndpointsStore::endpoint)
        .list();
  }

  private String where(EndpointQuery query, Map<String, Object> parameters) {
    List<String> conditions = new ArrayList<>();
    conditions.add("account_id = :accountId");
    parameters.put("accountId", query.accountId());
    if (query.visibleEnvironments() != null) {
      if (query.visibleEnvironments().isEmpty()) {
        conditions.add("environment_id IS NULL");
      } else {
        conditions.add("(environment_id IS NULL OR environment_id IN (:visible))");
        parameters.put("visible", query.visibleEnvironments());
      }
    }
    if (query.environmentId() != null) {
      conditions.add("environment_id = :environmentId");
      parameters.put("environmentId", query.environmentId());
    }
    if (query.text() != null) {
      conditions.add(
          h2
              ? "(name_lowered LIKE :text ESCAPE '\\' OR url_lowered LIKE :text ESCAPE '\\')"
              : "(LOWER(name) LIKE :text ESCAPE '\\' OR LOWER(url) LIKE :text ESCAPE '\\')");
      parameters.put("text", "%" + escapeLike(query.text().toLowerCase(Locale.ROOT)) + "%");
    }
    return String.join(" AND ", conditions);
  }

  /**
   * H2 only: the index to read a page from. H2's planner picks an index for the account condition
   * without regard to the order, then sorts the whole account for every page (about 100 ms at
   * 100,000 endpoints); read in the matching index's order, forwards or backwards, a page takes
   * about 1 ms. A list of one environment is left to the environment's index, which holds few rows.
   * PostgreSQL plans all this by itself.
   */
  private String indexHint(EndpointQuery query) {
    if (!h2 || query.environmentId() != null) {
      return "";
    }
    List<EndpointQuery.SortKey> order = query.order();
    return " USE INDEX ("
        + (order.isEmpty() ? ID_INDEX : SORT_INDEXES.get(order.get(0).field()))
        + ")";
  }

  /**
   * H2 only: for a count that reads more than the account (the text, or the environments a user
   * sees), the name index, which also holds url and environment (see H2's migration V5): counted
   * from it, no row is fetched. A plain count is left to the narrowest index.
   */
  private String countHint(EndpointQuery query) {
    boolean readsRows = query.text() != null || query.visibleEnvironments() != null;
    return h2 && readsRows && query.environmentId() == null
        ? " USE INDEX (" + SORT_INDEXES.get("name") + ")"
        : "";
  }

  /**
   * The ORDER BY clause; only known columns reach it. The account, fixed by the WHERE clause, leads
   * and id breaks ties, both in the first key's direction: the order is then one of an index's,
   * read forwards or backwards, and a descending sort is the exact reverse of the ascending one.
   */
  private static String orderBy(List<EndpointQuery.SortKey> order, boolean reversed) {
    boolean descending = !order.isEmpty() && order.get(0).descending();
    List<String> keys = new ArrayList<>();
    keys.add("account_id" + direction(descending, reversed));
    for (EndpointQuery.SortKey key : order) {
      String column = SORT_COLUMNS.get(key.field());
      if (column == null) {
        throw new IllegalArgumentException("not a sort field: " + key.field());
      }
      keys.add(column + direction(key.descending(), reversed));
    }
    keys.add("id" + direction(descending, reversed));
    return String.join(", ", keys);
  }

  private static String direction(boolean descending, boolean reversed) {
    return descending != reversed ? " DESC" : " ASC";
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Map<String, Object> parameters(EndpointRecord endpoint) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("id", endpoint.id());
    parameters.put("accountId", endpoint.accountId());
    parameters.put("environmentId", endpoint.environmentId());
    parameters.put("name", endpoint.name());
    parameters.put("url", endpoint.url());
    parameters.put("maxAttempts", endpoint.maxAttempts());
    parameters.put("timeout", endpoint.timeout());
    parameters.put("secretKey", endpoint.secretKey());
    parameters.put("createdAt", StoreTimes.bind(endpoint.createdAt()));
    return parameters;
  }

  private static EndpointRecord endpoint(ResultSet row, int number) throws SQLException {
    return new EndpointRecord(
        row.getString("id"),
        row.getString("account_id"),
        row.getString("environment_id"),
        row.getString("name"),
        row.getString("url"),
        row.getInt("max_attempts"),
        row.getInt("timeout"),
        row.getString("secret_key"),
        StoreTimes.read(row, "created_at"));
  }
}
