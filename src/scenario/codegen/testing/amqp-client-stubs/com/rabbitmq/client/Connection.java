// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

import java.io.IOException;

public interface Connection extends AutoCloseable {
  Channel createChannel() throws IOException;
  void close() throws IOException;
}
