package io.hookwire.server.operator;

import io.hookwire.server.autoscale.WebhookRecord;
import io.hookwire.server.autoscale.WebhooksStore;
import io.hookwire.server.endpoints.EndpointRecord;
import io.hookwire.server.endpoints.EndpointsStore;
import io.hookwire.server.platform.DemoMode;
import io.hookwire.server.platform.StoreTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo data set: provisioned on the first start with an empty embedded database, so that the
 * API documents' examples run as they are; on every demo start, how to call each API is printed.
 */
@Component
class DemoDataSet {

  static final String ACCOUNT = "acc-t2fcrq6h1v3nf0g";
  static final String ENVIRONMENT = "env-sfuari395m7sck1";
  static final String TENANT = "676873";
  static final UUID GROUP = UUID.fromString("605e13f6-1452-4588-b5da-ac6bb468c5bf");
  static final UUID POLICY = UUID.fromString("eb0fe1bf-3428-4f34-afd9-a5ac36f60511");

  private static final Logger log = LoggerFactory.getLogger(DemoDataSet.class);

  private final DemoMode demo;
  private final AccountsService accounts;
  private final TenantsService tenants;
  private final EndpointsStore endpoints;
  private final WebhooksStore webhooks;
  private final Clock clock;

  DemoDataSet(
      DemoMode demo,
      AccountsService accounts,
      TenantsService tenants,
      EndpointsStore endpoints,
      WebhooksStore webhooks,
      Clock clock) {
    this.demo = demo;
    this.accounts = accounts;
    this.tenants = tenants;
    this.endpoints = endpoints;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  @EventListener
  void onReady(ApplicationReadyEvent ready) {
    if (!demo.active()) {
      return;
    }
    if (accounts.listAccounts().isEmpty() && tenants.listTenants().isEmpty()) {
      provision();
      log.info("Provisioned the demo data set.");
    }
    String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
    log.info(instructions("http://localhost:" + port));
  }

  private void provision() {
    accounts.createAccount(ACCOUNT, "Demo");
    accounts.createEnvironment(ACCOUNT, ENVIRONMENT, "Production");
    accounts.createUser(ACCOUNT, "usr-demoadmin000000001", "Demo admin", "admin", null);
    accounts.createUserToken(ACCOUNT, "usr-demoadmin000000001", "demo-admin-token");
    accounts.createUser(ACCOUNT, "usr-demoreader00000001", "Demo reader", "reader", null);
    accounts.createUserToken(ACCOUNT, "usr-demoreader00000001", "demo-reader-token");

    String other = "acc-v0ord4r0sthdi9es5";
    accounts.createAccount(other, "Other demo");
    accounts.createEnvironment(other, "env-v0ordbbqgj3nnkn3j", "Production");
    accounts.createUser(other, "usr-demoother00000001", "Other admin", "admin", null);
    accounts.createUserToken(other, "usr-demoother00000001", "demo-other-admin-token");

    tenants.createTenant(TENANT);
    tenants.createScalingGroup(TENANT, GROUP, "Demo web servers");
    tenants.createScalingPolicy(TENANT, GROUP, POLICY, "Scale up by one");
    provisionSeedExamples();
    tenants.createTenantToken(TENANT, "admin", "demo-autoscale-admin-token");
    tenants.createTenantToken(TENANT, "observer", "demo-autoscale-observer-token");

    String otherTenant = "700001";
    UUID otherGroup = UUID.fromString("8a3c5e2f-6b1d-4f7a-9c0e-2d4b6f8a1c3e");
    tenants.createTenant(otherTenant);
    tenants.createScalingGroup(otherTenant, otherGroup, "Other web servers");
    tenants.createScalingPolicy(
        otherTenant,
        otherGroup,
        UUID.fromString("1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9"),
        "Scale up");
    tenants.createTenantToken(otherTenant, "admin", "demo-autoscale-other-token");
  }

  /**
   * The API documents' example data, with their ids (and the webhooks' capability hashes), so that
   * the documents' reads show data: the endpoint of the Endpoints list example, and the PagerDuty
   * and Nagios webhooks of the Auto Scale examples on the demo policy.
   */
  private void provisionSeedExamples() {
    Instant now = StoreTimes.now(clock);
    endpoints.insert(
        new EndpointRecord(
            "ep-t1jvkud6virv9fo",
            ACCOUNT,
            ENVIRONMENT,
            "anton",
            "https://hooks.example.com/services/3565654",
            3,
            15,
            "auphee1ieshaeQu8",
            now));
    webhooks.insert(
        new WebhookRecord(
            UUID.fromString("152054a3-e0ab-445b-941d-9f8e360c9eed"),
            POLICY,
            "PagerDuty",
            Map.of("notes", "PagerDuty will fire this webhook"),
            "0077882e9626d83ef30e1ca379c8654d86cd34df3cd49ac8da72174668315fe8",
            now));
    webhooks.insert(
        new WebhookRecord(
            UUID.fromString("23037efb-53a9-4ae5-bc33-e89a56b501b6"),
            POLICY,
            "Nagios",
            Map.of(),
            "4f767340574433927a26dc747253dad643d5d13ec7b66b764dcbf719b32302b9",
            now));
  }

  private static String instructions(String base) {
    String webhooks =
        base + "/v1.0/" + TENANT + "/groups/" + GROUP + "/policies/" + POLICY + "/webhooks";
    return String.join(
        "\n",
        "Hookwire demo on " + base + " (demo tokens; switch off with hookwire.demo.enabled=false):",
        "  Endpoints API:",
        "    curl -H 'Authorization: Bearer demo-admin-token' -H 'Prefer: profile=preview' "
            + base
            + "/api/iacp/v3/endpoints",
        "    curl -H 'Authorization: Bearer demo-admin-token' -H 'Content-Type: application/vnd.api+json'"
            + " -d '{\"data\":{\"type\":\"endpoints\",\"attributes\":{\"name\":\"Example\",\"url\":"
            + "\"https://hooks.example.com/services/6932045\"},\"relationships\":{\"account\":"
            + "{\"data\":{\"type\":\"accounts\",\"id\":\""
            + ACCOUNT
            + "\"}}}}}' "
            + base
            + "/api/iacp/v3/endpoints",
        "  Auto Scale webhooks API:",
        "    curl -H 'X-Auth-Token: demo-autoscale-admin-token' " + webhooks,
        "    curl -H 'X-Auth-Token: demo-autoscale-admin-token' -H 'Content-Type: application/json'"
            + " -d '[{\"name\":\"PagerDuty\",\"metadata\":{\"notes\":\"PagerDuty will fire this webhook\"}},"
            + "{\"name\":\"Nagios\"}]' "
            + webhooks,
        "  Operator API:",
        "    curl -H 'Authorization: Bearer demo-operator-token' " + base + "/operator/v1/accounts",
        "  Other demo tokens: demo-reader-token, demo-other-admin-token,"
            + " demo-autoscale-observer-token, demo-autoscale-other-token");
  }
}
