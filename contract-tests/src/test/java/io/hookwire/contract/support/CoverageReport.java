package io.hookwire.contract.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the operation × status coverage when the test run ends, and writes it to {@code
 * target/contract-coverage.txt}, so that gaps show (registered through {@code META-INF/services}).
 */
public final class CoverageReport implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    String report = Coverage.report();
    if (report.isEmpty()) {
      return;
    }
    System.out.println(report);
    try {
      Path target = Files.createDirectories(Path.of("target"));
      // The hostile requests run again on PostgreSQL: that run's report must not replace this one.
      String database = ContractServer.databaseName();
      String name = database.equals("h2") ? "contract-coverage" : "contract-coverage-" + database;
      Files.writeString(target.resolve(name + ".txt"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
