package io.hookwire.contract.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Which documented operation × status pairs the suite has seen the server answer. */
public final class Coverage {

  /** 500 is documented on every operation for completeness; no request may cause it. */
  private static final int INTERNAL_ERROR = 500;

  /** Other documented pairs no request can cause, with the reason. */
  private static final Map<String, String> UNREACHABLE =
      Map.of(
          "replaceWebhook 422",
          "the seed documents the quota error on update, but a replace never adds a webhook");

  private static final Set<String> EXERCISED = ConcurrentHashMap.newKeySet();

  private Coverage() {}

  static void record(SpecOperation operation, int status) {
    EXERCISED.add(key(operation, status));
  }

  /**
   * @param operation an operation
   * @param status a status it documents
   * @return whether the suite has seen the server answer it with that status
   */
  public static boolean exercised(SpecOperation operation, int status) {
    return EXERCISED.contains(key(operation, status));
  }

  /**
   * @return nothing when the suite has seen nothing, else a table of every operation with each
   *     documented status marked exercised ({@code +}) or not ({@code -}), and the gaps listed
   */
  public static String report() {
    if (EXERCISED.isEmpty()) {
      return "";
    }
    List<SpecOperation> operations = Specs.operations();
    StringBuilder table = new StringBuilder();
    int documented = 0;
    int seen = 0;
    Map<SpecOperation, List<Integer>> gaps = new LinkedHashMap<>();
    for (SpecOperation op : operations) {
      table.append(String.format("%-10s %-7s %-24s", op.api(), op.method(), op.operationId()));
      for (int status : op.statuses()) {
        boolean hit = exercised(op, status);
        table.append(' ').append(status).append(hit ? '+' : '-');
        documented++;
        if (hit) {
          seen++;
        } else if (status != INTERNAL_ERROR
            && !UNREACHABLE.containsKey(op.operationId() + " " + status)) {
          gaps.computeIfAbsent(op, unused -> new ArrayList<>()).add(status);
        }
      }
      table.append('\n');
    }
    String header =
        String.format(
            "Contract coverage: %d of %d documented operation x status pairs exercised%n"
                + "Unreachable: 500 (documented everywhere, caused by no request)%s%n",
            seen,
            documented,
            UNREACHABLE.entrySet().stream()
                .map(pair -> "; " + pair.getKey() + " (" + pair.getValue() + ")")
                .collect(Collectors.joining()));
    String missing =
        gaps.isEmpty()
            ? "Every reachable pair was exercised.\n"
            : "Not exercised (besides the unreachable):\n"
                + gaps.entrySet().stream()
                    .map(gap -> "  " + gap.getKey().operationId() + " " + gap.getValue())
                    .collect(Collectors.joining("\n"))
                + "\n";
    return header + table + missing;
  }

  private static String key(SpecOperation operation, int status) {
    return operation.api() + " " + operation.operationId() + " " + status;
  }
}
