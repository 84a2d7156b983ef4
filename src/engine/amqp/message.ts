import { fail } from './errors';

/** AMQP basic properties as amqplib presents them on a delivered message. */
export interface MessageProperties {
  contentType: string | undefined;
  contentEncoding: string | undefined;
  headers: Record<string, unknown> | undefined;
  deliveryMode: number | undefined;
  priority: number | undefined;
  correlationId: string | undefined;
  replyTo: string | undefined;
  expiration: string | undefined;
  messageId: string | undefined;
  timestamp: number | undefined;
  type: string | undefined;
  userId: string | undefined;
  appId: string | undefined;
  clusterId: string | undefined;
}

/** `fields` of a delivered (`consume`), got (`get`) or returned message, as amqplib gives them. */
export interface MessageFields {
  deliveryTag?: number;
  redelivered?: boolean;
  exchange: string;
  routingKey: string;
  consumerTag?: string;
  messageCount?: number;
  replyCode?: number;
  replyText?: string;
}

/** What consumers, `get` and `return` listeners receive: amqplib's message shape. */
export interface ConsumeMessage {
  content: Uint8Array;
  fields: MessageFields;
  properties: MessageProperties;
}

/** Publish options, as amqplib's `publish(exchange, routingKey, content, options)` takes them. */
export interface PublishOptions {
  expiration?: string | number;
  userId?: string;
  CC?: string | string[];
  BCC?: string | string[];
  priority?: number;
  persistent?: boolean;
  deliveryMode?: boolean | number;
  mandatory?: boolean;
  contentType?: string;
  contentEncoding?: string;
  headers?: Record<string, unknown>;
  correlationId?: string;
  replyTo?: string;
  messageId?: string;
  timestamp?: number;
  type?: string;
  appId?: string;
}

/** The stored properties of a message: only what was set. Headers already have CC kept and BCC removed. */
export type StoredProps = Partial<Omit<MessageProperties, 'clusterId'>>;

const EMPTY_PROPS: StoredProps = Object.freeze({}) as StoredProps;

/**
 * One message as the broker holds it: immutable after publish, shared by every queue copy.
 * A dead-lettered message is a new Message (new id, `parentId` set).
 */
export class Message {
  /** Per-message TTL in ms from `expiration`, or -1. */
  readonly ttl: number;
  /** Effective priority (0 when absent). */
  readonly priority: number;
  readonly persistent: boolean;
  readonly size: number;
  constructor(
    readonly id: number,
    readonly parentId: number,
    readonly exchange: string,
    readonly routingKey: string,
    /** CC and BCC routing keys added by the publisher (null when none). */
    readonly extraKeys: string[] | null,
    readonly content: Uint8Array,
    readonly props: StoredProps,
    readonly publishedAt: number,
  ) {
    this.ttl = props.expiration === undefined ? -1 : Number(props.expiration);
    this.priority = props.priority ?? 0;
    this.persistent = props.deliveryMode === 2;
    this.size = content.byteLength;
  }

  /** Every routing key: the publish key, then CC, then BCC. */
  routingKeys(): string[] {
    return this.extraKeys ? [this.routingKey, ...this.extraKeys] : [this.routingKey];
  }
}

const STRING_PROPS = ['contentType', 'contentEncoding', 'correlationId', 'replyTo', 'messageId', 'type', 'userId', 'appId'] as const;

/** Validated publish options → stored properties and CC/BCC keys. Throws TypeError on a wrong type. */
export function propsFromOptions(o: PublishOptions | undefined): { props: StoredProps; extraKeys: string[] | null } {
  if (o === undefined || o === null) return { props: EMPTY_PROPS, extraKeys: null };
  if (typeof o !== 'object') throw new TypeError('publish options must be an object');
  let props: StoredProps | null = null;
  const set = <K extends keyof StoredProps>(k: K, v: StoredProps[K]) => {
    (props ??= {})[k] = v;
  };
  for (const k of STRING_PROPS) {
    const v = o[k];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new TypeError(`publish option '${k}' must be a string, got ${typeof v}`);
    set(k, v);
  }
  if (o.priority !== undefined) {
    // amqplib's encoder's words for a value that is not a number (recorded: w-api-client-errors)
    if (typeof o.priority !== 'number' || Number.isNaN(o.priority)) throw new TypeError("Field 'priority' is the wrong type; must be a number (but not NaN)");
    if (!Number.isInteger(o.priority) || o.priority < 0 || o.priority > 255) {
      throw new TypeError(`publish option 'priority' must be an integer 0..255, got ${String(o.priority)}`);
    }
    set('priority', o.priority);
  }
  if (o.timestamp !== undefined) {
    if (typeof o.timestamp !== 'number') throw new TypeError("publish option 'timestamp' must be a number");
    set('timestamp', o.timestamp);
  }
  if (o.expiration !== undefined) {
    if (typeof o.expiration !== 'string' && typeof o.expiration !== 'number') {
      throw new TypeError("publish option 'expiration' must be a string or number");
    }
    const s = String(o.expiration);
    const err = expirationError(s);
    if (err) fail([406, `PRECONDITION_FAILED - invalid expiration '${s}': ${err}`]);
    set('expiration', s);
  }
  let mode: number | undefined;
  if (o.persistent !== undefined) mode = o.persistent ? 2 : 1;
  else if (typeof o.deliveryMode === 'number') mode = o.deliveryMode;
  else if (o.deliveryMode) mode = 2;
  if (mode !== undefined) set('deliveryMode', mode);
  const cc = keysOption('CC', o.CC);
  const bcc = keysOption('BCC', o.BCC);
  if (o.headers !== undefined && (o.headers === null || typeof o.headers !== 'object' || Array.isArray(o.headers))) {
    throw new TypeError("publish option 'headers' must be an object");
  }
  if (o.headers || cc) {
    const h: Record<string, unknown> = {};
    if (o.headers) for (const k in o.headers) if (o.headers[k] !== undefined && k !== 'BCC') h[k] = o.headers[k];
    if (cc) h.CC = cc;
    set('headers', h);
  }
  let extraKeys: string[] | null = null;
  const hcc = !cc && o.headers && Array.isArray(o.headers.CC) ? (o.headers.CC as unknown[]).map(String) : null;
  const hbcc = !bcc && o.headers && Array.isArray(o.headers.BCC) ? (o.headers.BCC as unknown[]).map(String) : null;
  if (cc || bcc || hcc || hbcc) extraKeys = [...(cc ?? hcc ?? []), ...(bcc ?? hbcc ?? [])];
  return { props: props ?? EMPTY_PROPS, extraKeys };
}

/** Erlang's string:to_integer checks on `expiration`, in RabbitMQ's words (null when valid). */
function expirationError(s: string): string | null {
  const m = /^([+-]?\d+)([\s\S]*)$/.exec(s);
  if (!m) return 'no_integer';
  if (m[2] !== '') return `{leftover_string,"${m[2]}"}`;
  const n = Number(m[1]);
  return n < 0 ? `{value_negative,${n}}` : null;
}

function keysOption(name: string, v: unknown): string[] | null {
  if (v === undefined) return null;
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return [v];
  throw new TypeError(`publish option '${name}' must be a string or an array of strings`);
}

/** A fresh amqplib-shaped `properties` object (every key present, headers always an object). */
export function deliveredProperties(p: StoredProps, extraHeaders: Record<string, unknown> | null): MessageProperties {
  let headers: Record<string, unknown>;
  if (p.headers) {
    headers = { ...p.headers };
    if (extraHeaders) Object.assign(headers, extraHeaders);
  } else headers = extraHeaders ? { ...extraHeaders } : {};
  return {
    contentType: p.contentType,
    contentEncoding: p.contentEncoding,
    headers,
    deliveryMode: p.deliveryMode,
    priority: p.priority,
    correlationId: p.correlationId,
    replyTo: p.replyTo,
    expiration: p.expiration,
    messageId: p.messageId,
    timestamp: p.timestamp,
    type: p.type,
    userId: p.userId,
    appId: p.appId,
    clusterId: undefined,
  };
}
