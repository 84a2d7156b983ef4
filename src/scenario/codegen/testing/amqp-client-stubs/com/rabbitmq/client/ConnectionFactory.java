// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

import java.net.URI;

public class ConnectionFactory {
  public void setUri(URI uri) throws java.net.URISyntaxException, java.security.NoSuchAlgorithmException, java.security.KeyManagementException { }
  public void setUsername(String username) { }
  public void setPassword(String password) { }
  public void setVirtualHost(String virtualHost) { }
  public Connection newConnection() throws java.io.IOException, java.util.concurrent.TimeoutException { return null; }
}
