package io.hookwire.server.platform;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which of the two databases the server runs on, for what only one of them has or needs. */
public final class Databases {

  private Databases() {}

  /**
   * @return whether the data source is H2 (the embedded default), not PostgreSQL
   */
  public static boolean isH2(DataSource dataSource) {
    try {
      return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
          .equals("H2");
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("cannot tell which database this is", e);
    }
  }
}
