package io.hookwire.server.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements the operator's tables share: a row found, locked or deleted by its key (its
 * owner's id, if any, then its own), and the rows of one owner listed by creation time, then id.
 * Table and column names are the stores' constants, never input; values are bound.
 */
final class OwnedRows<T> {

  private final JdbcClient jdbc;
  private final String table;
  private final String columns;
  private final RowMapper<T> mapper;

  /** The key's columns: the owner's (as {@code account_id}), if any, then {@code id}. */
  private final List<String> key;

  /**
   * @param owner the column naming the row's owner, or null for a table of top-level rows
   */
  OwnedRows(JdbcClient jdbc, String table, String columns, RowMapper<T> mapper, String owner) {
    this.jdbc = jdbc;
    this.table = table;
    this.columns = columns;
    this.mapper = mapper;
    this.key = owner == null ? List.of("id") : List.of(owner, "id");
  }

  /**
   * @param key the owner's id (for owned rows), then the row's
   */
  Optional<T> find(Object... key) {
    return bind(select(columns) + where(this.key), this.key, key).query(mapper).optional();
  }

  /**
   * Whether the row exists; if so, it stays locked until the transaction ends, so that it cannot be
   * deleted while something is created under it.
   *
   * @param key the owner's id (for owned rows), then the row's
   */
  boolean lock(Object... key) {
    return bind(select("id") + where(this.key) + " FOR UPDATE", this.key, key)
        .query((row, n) -> row.getObject("id"))
        .optional()
        .isPresent();
  }

  /**
   * Deletes the row, and with it what is under it (the foreign keys cascade).
   *
   * @param key the owner's id (for owned rows), then the row's
   * @return false if there was no such row
   */
  boolean delete(Object... key) {
    return bind("DELETE FROM " + table + where(this.key), this.key, key).update() > 0;
  }

  /**
   * @param owner the owner's id; none for a table of top-level rows
   * @return the owner's rows by creation time, then id
   */
  List<T> list(Object... owner) {
    List<String> owners = key.subList(0, key.size() - 1);
    return bind(
            select(columns) + (owners.isEmpty() ? "" : where(owners)) + " ORDER BY created_at, id",
            owners,
            owner)
        .query(mapper)
        .list();
  }

  private String select(String what) {
    return "SELECT " + what + " FROM " + table;
  }

  private static String where(List<String> columns) {
    List<String> conditions = new ArrayList<>();
    for (String column : columns) {
      conditions.add(column + " = :" + column);
    }
    return " WHERE " + String.join(" AND ", conditions);
  }

  private JdbcClient.StatementSpec bind(String sql, List<String> columns, Object[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + " is keyed by " + columns);
    }
    JdbcClient.StatementSpec statement = jdbc.sql(sql);
    for (int i = 0; i < values.length; i++) {
      statement = statement.param(columns.get(i), values[i]);
    }
    return statement;
  }
}
