// Stub of amqp-client 5.x (see AMQP.java).
package com.rabbitmq.client;

public interface ConfirmListener { }
