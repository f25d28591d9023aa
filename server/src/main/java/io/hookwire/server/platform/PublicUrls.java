package io.hookwire.server.platform;

import io.hookwire.server.platform.errors.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The base of the absolute URLs the APIs return: configured, or the current request's. */
@Component
public class PublicUrls {

  private final URI configured;

  public PublicUrls(HookwireProperties properties) {
    this.configured = properties.publicBaseUrl();
  }

  /** A builder at the server's public base; add the path and query of the URL. */
  public UriComponentsBuilder base() {
    return configured != null
        ? UriComponentsBuilder.fromUri(configured)
        : ServletUriComponentsBuilder.fromCurrentContextPath();
  }

  /** A builder at the public URL of the current request's path, without its query. */
  public UriComponentsBuilder currentPath() {
    HttpServletRequest request =
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    return base().path(ApiErrors.pathOf(request));
  }
}
