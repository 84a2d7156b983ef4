// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

@FunctionalInterface
public interface ConfirmCallback {
  void handle(long deliveryTag, boolean multiple) throws java.io.IOException;
}
