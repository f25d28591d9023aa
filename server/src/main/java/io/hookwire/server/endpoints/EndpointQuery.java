package io.hookwire.server.endpoints;

import java.util.List;
import java.util.Set;

/**
 * Which endpoints a list shows, and in which order.
 *
 * @param accountId the caller's account: no list reaches beyond it
 * @param visibleEnvironments the environments the caller sees, or null for all
 * @param environmentId only this environment's endpoints, or null for any
 * @param text a case-insensitive substring of the name or url, or null
 * @param order the sort keys; ties are always broken by id
 */
record EndpointQuery(
    String accountId,
    Set<String> visibleEnvironments,
    String environmentId,
    String text,
    List<SortKey> order) {

  /** One key of the order: a column and its direction. */
  record SortKey(String field, boolean descending) {}
}
