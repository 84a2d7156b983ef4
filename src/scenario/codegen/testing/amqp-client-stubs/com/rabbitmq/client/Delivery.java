// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

public class Delivery {
  public Envelope getEnvelope() { return null; }
  public AMQP.BasicProperties getProperties() { return null; }
  public byte[] getBody() { return null; }
}
