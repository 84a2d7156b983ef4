// Stub of amqp-client 5.x, only the signatures the generated programs use, so javac can check them here.
package com.rabbitmq.client;

import java.util.Map;

public interface AMQP {
  class BasicProperties {
    public Map<String, Object> getHeaders() { return null; }
    public String getMessageId() { return null; }
    public String getReplyTo() { return null; }
    public String getCorrelationId() { return null; }

    public static final class Builder {
      public Builder deliveryMode(Integer v) { return this; }
      public Builder messageId(String v) { return this; }
      public Builder expiration(String v) { return this; }
      public Builder priority(Integer v) { return this; }
      public Builder headers(Map<String, Object> v) { return this; }
      public Builder replyTo(String v) { return this; }
      public Builder correlationId(String v) { return this; }
      public Builder contentType(String v) { return this; }
      public BasicProperties build() { return new BasicProperties(); }
    }
  }
}
