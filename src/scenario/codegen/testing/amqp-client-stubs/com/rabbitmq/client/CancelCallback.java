// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

@FunctionalInterface
public interface CancelCallback {
  void handle(String consumerTag) throws java.io.IOException;
}
