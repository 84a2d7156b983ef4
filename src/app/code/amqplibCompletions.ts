/**
 * Completions for amqplib's promise API: the module, connection and channel methods, and the
 * option and property names their arguments take, each with a short signature.
 */
import type { Completion } from '@codemirror/autocomplete';

const method = (label: string, detail: string): Completion => ({ label, detail, type: 'method' });
const prop = (label: string, detail: string): Completion => ({ label, detail, type: 'property' });

export const AMQPLIB_COMPLETIONS: Completion[] = [
  method('connect', "(url = 'amqp://localhost') → Promise<Connection>"),
  method('createChannel', '() → Promise<Channel>'),
  method('createConfirmChannel', '() → Promise<ConfirmChannel>'),
  method('close', '() → Promise'),
  method('assertQueue', '(queue, {durable, exclusive, autoDelete, arguments}) → {queue, messageCount, consumerCount}'),
  method('checkQueue', '(queue) → {queue, messageCount, consumerCount}'),
  method('deleteQueue', '(queue, {ifUnused, ifEmpty}) → {messageCount}'),
  method('purgeQueue', '(queue) → {messageCount}'),
  method('bindQueue', '(queue, exchange, pattern, args?)'),
  method('unbindQueue', '(queue, exchange, pattern, args?)'),
  method('assertExchange', "(exchange, 'direct' | 'fanout' | 'topic' | 'headers', {durable, internal, autoDelete, alternateExchange})"),
  method('checkExchange', '(exchange)'),
  method('deleteExchange', '(exchange, {ifUnused})'),
  method('bindExchange', '(destination, source, pattern, args?)'),
  method('unbindExchange', '(destination, source, pattern, args?)'),
  method('publish', '(exchange, routingKey, content: Buffer, options?) → boolean'),
  method('sendToQueue', '(queue, content: Buffer, options?) → boolean'),
  method('consume', '(queue, (msg) => …, {noAck, exclusive, priority, consumerTag}) → {consumerTag}'),
  method('cancel', '(consumerTag)'),
  method('get', '(queue, {noAck}) → msg | false'),
  method('ack', '(msg, allUpTo = false)'),
  method('ackAll', '()'),
  method('nack', '(msg, allUpTo = false, requeue = true)'),
  method('nackAll', '(requeue = true)'),
  method('reject', '(msg, requeue = true)'),
  method('prefetch', '(count, global = false)'),
  method('recover', '()'),
  method('waitForConfirms', '() → Promise'),
  prop('durable', 'survives a broker restart'),
  prop('exclusive', 'only this connection; deleted when it closes'),
  prop('autoDelete', 'deleted when its last consumer (or binding) goes'),
  prop('noAck', 'the broker forgets a message once delivered'),
  prop('persistent', 'written to disk in a durable queue'),
  prop('expiration', "per-message TTL in ms, as a string: '60000'"),
  prop('priority', 'message priority (x-max-priority queues)'),
  prop('replyTo', "queue for the reply; 'amq.rabbitmq.reply-to' for Direct Reply-to"),
  prop('correlationId', 'matches a reply to its request'),
  prop('headers', 'message headers (headers exchanges route on them)'),
  prop('mandatory', "return the message if it routes nowhere ('return' event)"),
  prop('contentType', "e.g. 'application/json'"),
  prop('content', 'the body, a Buffer'),
  prop('fields', '{deliveryTag, redelivered, exchange, routingKey}'),
  prop('properties', '{headers, replyTo, correlationId, …}'),
  prop('arguments', "{'x-message-ttl', 'x-dead-letter-exchange', 'x-max-length', …}"),
];
