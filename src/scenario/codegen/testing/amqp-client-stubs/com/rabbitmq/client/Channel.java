// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

import java.io.IOException;
import java.util.Map;

public interface Channel extends AutoCloseable {
  Object exchangeDeclare(String exchange, String type, boolean durable, boolean autoDelete, boolean internal, Map<String, Object> arguments) throws IOException;
  Object queueDeclare(String queue, boolean durable, boolean exclusive, boolean autoDelete, Map<String, Object> arguments) throws IOException;
  Object queueBind(String queue, String exchange, String routingKey, Map<String, Object> arguments) throws IOException;
  Object exchangeBind(String destination, String source, String routingKey, Map<String, Object> arguments) throws IOException;
  void basicQos(int prefetchCount) throws IOException;
  String basicConsume(String queue, boolean autoAck, String consumerTag, boolean noLocal, boolean exclusive, Map<String, Object> arguments, DeliverCallback deliverCallback, CancelCallback cancelCallback) throws IOException;
  void basicAck(long deliveryTag, boolean multiple) throws IOException;
  void basicNack(long deliveryTag, boolean multiple, boolean requeue) throws IOException;
  void basicReject(long deliveryTag, boolean requeue) throws IOException;
  void basicPublish(String exchange, String routingKey, boolean mandatory, AMQP.BasicProperties props, byte[] body) throws IOException;
  void addReturnListener(ReturnListener listener);
  Object confirmSelect() throws IOException;
  ConfirmListener addConfirmListener(ConfirmCallback ackCallback, ConfirmCallback nackCallback);
  void close() throws IOException, java.util.concurrent.TimeoutException;
}
