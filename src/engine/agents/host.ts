/**
 * What an agent needs from the simulation besides the channel API: virtual time and seeded
 * randomness. Agents read only virtual time and the seeded PRNG, so a run replays exactly.
 */
export interface AgentHost {
  /** Current virtual time in ms. */
  now(): number;
  /** Run `fn` after `delayMs` of virtual time; returns a handle for `cancelTimer`. */
  setTimer(delayMs: number, fn: () => void): number;
  cancelTimer(handle: number): void;
  /** Uniform in [0, 1) from the scenario's seeded PRNG. */
  random(): number;
}

/** The slice of an amqplib-shaped message an agent reads. */
export interface AgentMessage {
  content: Uint8Array;
  fields: { deliveryTag: number; redelivered: boolean; exchange: string; routingKey: string };
  properties: { replyTo?: string; correlationId?: string; headers?: Record<string, unknown>; [k: string]: unknown };
}

/** Publish options as amqplib takes them. */
export interface AgentPublishOptions {
  persistent?: boolean;
  expiration?: string;
  priority?: number;
  headers?: Record<string, unknown>;
  replyTo?: string;
  correlationId?: string;
  contentType?: string;
  mandatory?: boolean;
}

/** The slice of the amqplib-shaped channel API that agents use. */
export interface AgentChannel {
  publish(exchange: string, routingKey: string, content: Uint8Array, options?: AgentPublishOptions, cb?: (err: unknown) => void): boolean;
  consume(queue: string, onMessage: (msg: AgentMessage | null) => void, options?: { noAck?: boolean; exclusive?: boolean; consumerTag?: string; arguments?: Record<string, unknown> }): Promise<{ consumerTag: string }>;
  cancel(consumerTag: string): Promise<unknown>;
  ack(msg: AgentMessage, allUpTo?: boolean): void;
  nack(msg: AgentMessage, allUpTo?: boolean, requeue?: boolean): void;
  reject(msg: AgentMessage, requeue?: boolean): void;
  prefetch(count: number, global?: boolean): Promise<unknown>;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

const encoder = new TextEncoder();
/** Message bodies are UTF-8 bytes, as a real client would send. */
export const utf8 = (s: string): Uint8Array => encoder.encode(s);
const decoder = new TextDecoder();
export const fromUtf8 = (b: Uint8Array): string => decoder.decode(b);
