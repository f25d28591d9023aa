package io.hookwire.server.operator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Instants in {@code TIMESTAMP WITH TIME ZONE} columns, bound and read as UTC {@link
 * OffsetDateTime}s, the one type both H2 and PostgreSQL round-trip exactly (to the microsecond).
 */
final class StoreTimes {

  private StoreTimes() {}

  /** The bind value of an instant, which may be null. */
  static SqlParameterValue bind(Instant instant) {
    return new SqlParameterValue(
        Types.TIMESTAMP_WITH_TIMEZONE,
        instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  /** The instant in a column, or null. */
  static Instant read(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
