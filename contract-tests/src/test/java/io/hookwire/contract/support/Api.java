package io.hookwire.contract.support;

/** The three APIs of the server, each with its spec and the path prefix it answers under. */
public enum Api {
  ENDPOINTS("endpoints.yaml", "/api/iacp/v3/"),
  AUTOSCALE("autoscale.yaml", "/v1.0/"),
  OPERATOR("operator.yaml", "/operator/v1/");

  private final String specFile;
  private final String pathPrefix;

  Api(String specFile, String pathPrefix) {
    this.specFile = specFile;
    this.pathPrefix = pathPrefix;
  }

  /**
   * @return the spec's file name under {@code /openapi/} on the classpath
   */
  public String specFile() {
    return specFile;
  }

  /**
   * @param path a request path
   * @return whether this API answers it
   */
  public boolean owns(String path) {
    return (path + "/").startsWith(pathPrefix);
  }
}
