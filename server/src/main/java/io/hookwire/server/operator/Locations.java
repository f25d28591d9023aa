package io.hookwire.server.operator;

import io.hookwire.server.platform.PublicUrls;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * The {@code Location} of a created resource: the public URL of the collection the request posted
 * to, and the new id under it.
 */
@Component
class Locations {

  private final PublicUrls urls;

  Locations(PublicUrls urls) {
    this.urls = urls;
  }

  URI created(Object id) {
    return urls.currentPath().pathSegment(id.toString()).build().toUri();
  }
}
