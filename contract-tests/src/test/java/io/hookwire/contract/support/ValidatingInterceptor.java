package io.hookwire.contract.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/** Puts every exchange the generated client makes through {@link Exchanges#check}. */
public final class ValidatingInterceptor implements ClientHttpRequestInterceptor {

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    ClientHttpResponse response = execution.execute(request, body);
    byte[] responseBody;
    try (InputStream in = response.getBody()) {
      responseBody = in.readAllBytes();
    }
    Exchanges.check(
        new Exchanges.Exchange(
            request.getMethod().name(),
            request.getURI(),
            asMap(request.getHeaders()),
            new String(body, StandardCharsets.UTF_8),
            response.getStatusCode().value(),
            asMap(response.getHeaders()),
            new String(responseBody, StandardCharsets.UTF_8)));
    return new BufferedResponse(response, responseBody);
  }

  private static Map<String, List<String>> asMap(HttpHeaders headers) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    headers.forEach(map::put);
    return map;
  }

  /** The response with its body read once, so the client can read it again. */
  private record BufferedResponse(ClientHttpResponse delegate, byte[] body)
      implements ClientHttpResponse {

    @Override
    public HttpStatusCode getStatusCode() throws IOException {
      return delegate.getStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
      return delegate.getStatusText();
    }

    @Override
    public HttpHeaders getHeaders() {
      return delegate.getHeaders();
    }

    @Override
    public InputStream getBody() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
