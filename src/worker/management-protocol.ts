/**
 * The management views' commands and answers (the Overview, Publish message, Get messages), in the
 * words of RabbitMQ's management HTTP API: `POST /api/exchanges/{vhost}/{name}/publish` and
 * `POST /api/queues/{vhost}/{name}/get`. They run on the simulated broker (management.ts).
 */

/** The four ack modes of the management UI's Get messages, by the API's names. */
export const ACK_MODES = ['ack_requeue_true', 'ack_requeue_false', 'reject_requeue_true', 'reject_requeue_false'] as const;
export type AckMode = (typeof ACK_MODES)[number];

/** A header row of the publish form: its value as typed, and the type chosen beside it. */
export interface HeaderRow {
  key: string;
  value: string;
  type: 'string' | 'number' | 'boolean';
}

/** The properties the management UI's publish form offers (its names, snake_case as in the API). */
export interface PublishProperties {
  delivery_mode?: 1 | 2;
  content_type?: string;
  content_encoding?: string;
  priority?: number;
  correlation_id?: string;
  reply_to?: string;
  expiration?: string;
  message_id?: string;
  timestamp?: number;
  type?: string;
  user_id?: string;
  app_id?: string;
  headers?: Record<string, string | number | boolean>;
}

export type ManagementOp =
  /** Publish to an exchange ('' is the default exchange: Publish message on a queue). */
  | { op: 'publish'; vhost: string; exchange: string; routingKey: string; payload: string; payloadEncoding: 'string' | 'base64'; properties: PublishProperties }
  /** basic.get up to `count` messages, then settle them as the ack mode says. */
  | { op: 'get'; vhost: string; queue: string; count: number; ackmode: AckMode; encoding: 'auto' | 'base64' }
  | { op: 'overview' };

/** One message of Get messages, as the API returns it. */
export interface GotMessage {
  payload_bytes: number;
  redelivered: boolean;
  exchange: string;
  routing_key: string;
  message_count: number;
  properties: Record<string, unknown>;
  payload: string;
  payload_encoding: 'string' | 'base64';
}

export interface MessageRates {
  publish: number;
  confirm: number;
  deliver: number;
  get: number;
  ack: number;
  redeliver: number;
  return: number;
}

/** The Overview tab: totals, message rates per virtual second, and the nodes. */
export interface Overview {
  t: number;
  totals: { connections: number; channels: number; exchanges: number; queues: number; consumers: number };
  messages: { ready: number; unacked: number; total: number };
  /** Per virtual second over the last few seconds (the management UI samples every 5 s). */
  rates: MessageRates;
  nodes: { name: string; running: boolean; memory: { used: number; limit: number }; disk: { free: number; limit: number }; alarms: ('memory' | 'disk')[] }[];
}

export type ManagementResult =
  | { op: 'publish'; routed: boolean }
  | { op: 'get'; messages: GotMessage[] }
  | { op: 'overview'; overview: Overview }
  /** What the broker refused, in its words (404 NOT_FOUND, 403 ACCESS_REFUSED...). */
  | { op: ManagementOp['op']; error: string };

export interface ManagementReply {
  type: 'management';
  requestId: number;
  result: ManagementResult;
}
