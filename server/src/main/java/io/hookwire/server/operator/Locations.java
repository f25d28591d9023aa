package io.hookwire.server.operator;

import java.net.URI;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The {@code Location} of a created resource: the request's URL and the new id under it. */
final class Locations {

  private Locations() {}

  /** The absolute URL of {@code id} under the collection the current request posted to. */
  static URI created(Object id) {
    return ServletUriComponentsBuilder.fromCurrentRequestUri()
        .path("/{id}")
        .buildAndExpand(id)
        .toUri();
  }
}
