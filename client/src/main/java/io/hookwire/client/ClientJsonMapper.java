package io.hookwire.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookwire.client.endpoints.invoker.ApiClient;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper every Hookwire API client should be built with. */
public final class ClientJsonMapper {

  private ClientJsonMapper() {}

  /**
   * The generated mapper (JsonNullable support, tolerant of members newer servers add) that also
   * leaves unset fields out of request bodies: the generated one writes them as {@code null}, which
   * a strict server refuses, and which a PATCH would read as "reset this field".
   */
  public static JsonMapper create() {
    return ApiClient.createDefaultMapper(null)
        .rebuild()
        .changeDefaultPropertyInclusion(
            inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
        .build();
  }
}
