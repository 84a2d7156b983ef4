// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

public class Envelope {
  public long getDeliveryTag() { return 0; }
  public boolean isRedeliver() { return false; }
}
