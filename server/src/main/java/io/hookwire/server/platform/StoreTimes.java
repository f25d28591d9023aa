package io.hookwire.server.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * Instants in {@code TIMESTAMP WITH TIME ZONE} columns, bound and read as UTC {@link
 * OffsetDateTime}s, the one type both H2 and PostgreSQL round-trip exactly (to the microsecond).
 */
public final class StoreTimes {

  private StoreTimes() {}

  /** Now, to the microsecond: what both databases keep, so a record equals what is read back. */
  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The bind value of an instant, which may be null. */
  public static SqlParameterValue bind(Instant instant) {
    return new SqlParameterValue(
        Types.TIMESTAMP_WITH_TIMEZONE,
        instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  /** The instant in a column, or null. */
  public static Instant read(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
