package io.hookwire.server.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookwire.server.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quota of 25 webhooks per policy under concurrent creates spread over several servers sharing
 * one PostgreSQL ({@link SeveralServersTest}; on one server, the contract suite's
 * WebhookQuotaContractTest races them on H2 and on PostgreSQL). Each round races {@value #REQUESTS}
 * creates of 1 to 3 webhooks on a fresh policy, from {@value #THREADS} threads released together;
 * every answer must be 201 with all its webhooks or 422 {@code WebhookOverLimitsError} with none,
 * and the policy must end with exactly 25, the ones the 201s returned.
 *
 * <p>More than 25 of the requests create one webhook each, so a policy that ends below 25 would
 * have refused a one-webhook create while it had room: the end count is exactly 25 whatever the
 * order in which the requests are served.
 */
final class QuotaRace {

  private static final int QUOTA = 25;
  private static final int REQUESTS = 40;
  private static final int THREADS = 16;
  private static final int ROUNDS = 3;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Request sizes: 26 of one webhook, 7 of two, 7 of three; 61 webhooks asked for in all. */
  private static final List<Integer> SIZES =
      Stream.of(Collections.nCopies(26, 1), Collections.nCopies(7, 2), Collections.nCopies(7, 3))
          .flatMap(List::stream)
          .toList();

  private QuotaRace() {}

  /**
   * Rounds of racing creates, each on a new policy, spread over the servers (two servers on one
   * PostgreSQL: {@link SeveralServersTest}).
   *
   * @param tenant the id of a tenant to create for the race
   */
  static void race(List<TestHttp> servers, String tenant) throws Exception {
    assertThat(SIZES).hasSize(REQUESTS);
    assertThat(SIZES.stream().filter(size -> size == 1).count()).isGreaterThan(QUOTA);
    TestHttp operator = servers.get(0);
    created(operator.operator("POST", "/operator/v1/tenants", "{\"id\":\"" + tenant + "\"}"));
    String tenantPath = "/operator/v1/tenants/" + tenant;
    String group =
        created(operator.operator("POST", tenantPath + "/groups", "{\"name\":\"Web\"}"))
            .get("id")
            .asString();
    String token =
        created(operator.operator("POST", tenantPath + "/tokens", "{\"role\":\"admin\"}"))
            .get("token")
            .asString();
    for (int round = 0; round < ROUNDS; round++) {
      String policy =
          created(
                  operator.operator(
                      "POST",
                      tenantPath + "/groups/" + group + "/policies",
                      "{\"name\":\"Up " + round + "\"}"))
              .get("id")
              .asString();
      String webhooks =
          "/v1.0/" + tenant + "/groups/" + group + "/policies/" + policy + "/webhooks";
      raceOnPolicy(servers, webhooks, token, new Random(round));
    }
  }

  private static void raceOnPolicy(
      List<TestHttp> servers, String webhooks, String token, Random random) throws Exception {
    List<Integer> sizes = new ArrayList<>(SIZES);
    Collections.shuffle(sizes, random);
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Answer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < REQUESTS; i++) {
        int request = i;
        TestHttp server = servers.get(i % servers.size());
        answers.add(
            pool.submit(
                () -> {
                  if (request < THREADS) {
                    ready.countDown();
                  }
                  start.await();
                  int size = sizes.get(request);
                  return new Answer(
                      request,
                      size,
                      server.autoscale("POST", webhooks, token, body(request, size)));
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      start.countDown();

      List<String> createdIds = new ArrayList<>();
      List<String> unexpected = new ArrayList<>();
      int refused = 0;
      for (Future<Answer> future : answers) {
        Answer answer = future.get(30, TimeUnit.SECONDS);
        HttpResponse<String> response = answer.response();
        if (response.statusCode() == 201) {
          JsonNode items = JSON.readTree(response.body()).get("webhooks");
          // All or nothing: a 201 created every webhook of its request, in request order.
          assertThat(items).as("201 of request %s", answer.request()).hasSize(answer.size());
          for (int j = 0; j < answer.size(); j++) {
            assertThat(items.get(j).get("name").asString())
                .isEqualTo("Request " + answer.request() + " webhook " + j);
            createdIds.add(items.get(j).get("id").asString());
          }
        } else if (response.statusCode() == 422) {
          JsonNode error = JSON.readTree(response.body()).get("error");
          assertThat(error.get("type").asString()).isEqualTo("WebhookOverLimitsError");
          assertThat(error.get("code").asInt()).isEqualTo(422);
          refused++;
        } else {
          unexpected.add(
              "request " + answer.request() + ": " + response.statusCode() + " " + response.body());
        }
      }

      assertThat(unexpected).as("answers other than 201 and 422").isEmpty();
      assertThat(createdIds)
          .as("webhooks the 201s returned")
          .hasSize(QUOTA)
          .doesNotHaveDuplicates();
      assertThat(refused).isPositive();
      // Every server sees exactly the webhooks the 201s returned: a 422 created none.
      for (TestHttp server : servers) {
        HttpResponse<String> list = server.autoscale("GET", webhooks, token, null);
        assertThat(list.statusCode()).isEqualTo(200);
        Set<String> listed = new HashSet<>();
        JSON.readTree(list.body())
            .get("webhooks")
            .forEach(webhook -> listed.add(webhook.get("id").asString()));
        assertThat(listed).hasSize(QUOTA).containsExactlyInAnyOrderElementsOf(createdIds);
      }
      // A full policy refuses even one more.
      HttpResponse<String> more =
          servers.get(servers.size() - 1).autoscale("POST", webhooks, token, body(-1, 1));
      assertThat(more.statusCode()).isEqualTo(422);
    } finally {
      start.countDown();
      pool.shutdownNow();
    }
  }

  private record Answer(int request, int size, HttpResponse<String> response) {}

  private static String body(int request, int size) {
    List<String> items = new ArrayList<>();
    for (int j = 0; j < size; j++) {
      items.add(
          "{\"name\":\"Request "
              + request
              + " webhook "
              + j
              + "\",\"metadata\":{\"request\":\""
              + request
              + "\"}}");
    }
    return "[" + String.join(",", items) + "]";
  }

  private static JsonNode created(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body());
  }
}
