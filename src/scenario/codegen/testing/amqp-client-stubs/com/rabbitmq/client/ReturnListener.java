// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

@FunctionalInterface
public interface ReturnListener {
  void handleReturn(int replyCode, String replyText, String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) throws java.io.IOException;
}
