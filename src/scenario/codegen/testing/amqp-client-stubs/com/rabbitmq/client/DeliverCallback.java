// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

@FunctionalInterface
public interface DeliverCallback {
  void handle(String consumerTag, Delivery message) throws java.io.IOException;
}
