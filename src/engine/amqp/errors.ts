/**
 * Every server error text in one coded table, in RabbitMQ 3.10.8's words, and the Error shapes
 * amqplib builds from them. `AmqpError` is thrown inside the engine; the channel turns it into
 * what amqplib would hand the application.
 */

/** AMQP reply codes and amqplib's names for them (`defs.constant_strs`). */
export const REPLY_NAMES: Record<number, string> = {
  200: 'REPLY-SUCCESS', 311: 'CONTENT-TOO-LARGE', 312: 'NO-ROUTE', 313: 'NO-CONSUMERS',
  320: 'CONNECTION-FORCED', 402: 'INVALID-PATH', 403: 'ACCESS-REFUSED', 404: 'NOT-FOUND',
  405: 'RESOURCE-LOCKED', 406: 'PRECONDITION-FAILED', 501: 'FRAME-ERROR', 502: 'SYNTAX-ERROR',
  503: 'COMMAND-INVALID', 504: 'CHANNEL-ERROR', 505: 'UNEXPECTED-FRAME', 506: 'RESOURCE-ERROR',
  530: 'NOT-ALLOWED', 540: 'NOT-IMPLEMENTED', 541: 'INTERNAL-ERROR',
};

/** Codes that close the whole connection rather than the channel (AMQP "hard errors"). */
const CONNECTION_CODES = new Set([320, 402, 501, 502, 503, 504, 505, 506, 530, 540, 541]);

const rs = (kind: string, name: string, vhost: string) => `${kind} '${name}' in vhost '${vhost}'`;

/** The coded table of server error texts. */
export const ERRORS = {
  noQueue: (q: string, vh: string) => [404, `NOT_FOUND - no queue '${q}' in vhost '${vh}'`] as const,
  noExchange: (x: string, vh: string) => [404, `NOT_FOUND - no exchange '${x}' in vhost '${vh}'`] as const,
  defaultExchange: () => [403, 'ACCESS_REFUSED - operation not permitted on the default exchange'] as const,
  reservedName: (kind: 'exchange' | 'queue', n: string) =>
    [403, `ACCESS_REFUSED - ${kind} name '${n}' contains reserved prefix 'amq.*'`] as const,
  systemExchangeDelete: (x: string, vh: string) =>
    [403, `ACCESS_REFUSED - deletion of system ${rs('exchange', x, vh)} not allowed`] as const,
  internalPublish: (x: string, vh: string) =>
    [403, `ACCESS_REFUSED - cannot publish to internal ${rs('exchange', x, vh)}`] as const,
  exclusiveUse: (q: string, vh: string) => [403, `ACCESS_REFUSED - ${rs('queue', q, vh)} in exclusive use`] as const,
  locked: (q: string, vh: string) =>
    [405, `RESOURCE_LOCKED - cannot obtain exclusive access to locked ${rs('queue', q, vh)}. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`] as const,
  inequivalent: (kind: string, name: string, vh: string, key: string, received: string, current: string) =>
    [406, `PRECONDITION_FAILED - inequivalent arg '${key}' for ${rs(kind, name, vh)}: received ${received} but current is ${current}`] as const,
  invalidArg: (q: string, vh: string, key: string, reason: string) =>
    [406, `PRECONDITION_FAILED - invalid arg '${key}' for ${rs('queue', q, vh)}: ${reason}`] as const,
  invalidProperty: (q: string, vh: string, prop: string) =>
    [406, `PRECONDITION_FAILED - invalid property '${prop}' for ${rs('queue', q, vh)}`] as const,
  inUse: (kind: 'exchange' | 'queue', n: string, vh: string) => [406, `PRECONDITION_FAILED - ${rs(kind, n, vh)} in use`] as const,
  notEmpty: (q: string, vh: string) => [406, `PRECONDITION_FAILED - ${rs('queue', q, vh)} not empty`] as const,
  quorumConditionalDelete: (q: string, vh: string, flag: 'if-unused' | 'if-empty') =>
    [540, `NOT_IMPLEMENTED - cannot delete ${rs('queue', q, vh)}. queue.delete operations with ${flag} flag set are not supported by quorum queues`] as const,
  globalQosUnsupported: (q: string, vh: string) => [540, `NOT_IMPLEMENTED - ${rs('queue', q, vh)} does not support global qos`] as const,
  unknownDeliveryTag: (tag: number) => [406, `PRECONDITION_FAILED - unknown delivery tag ${tag}`] as const,
  unknownExchangeType: (t: string) => [503, `COMMAND_INVALID - unknown exchange type '${t}'`] as const,
  reuseConsumerTag: (tag: string) => [530, `NOT_ALLOWED - attempt to reuse consumer tag '${tag}'`] as const,
  unknownConsumerTag: (tag: string) => [406, `PRECONDITION_FAILED - unknown consumer tag '${tag}'`] as const,
  loginRefused: () =>
    [403, 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.'] as const,
  vhostNotFound: (vh: string) => [530, `NOT_ALLOWED - vhost ${vh} not found`] as const,
  vhostRefused: (vh: string, user: string) => [530, `NOT_ALLOWED - access to vhost '${vh}' refused for user '${user}'`] as const,
  accessRefused: (kind: 'queue' | 'exchange', n: string, vh: string, user: string) =>
    [403, `ACCESS_REFUSED - access to ${rs(kind, n, vh)} refused for user '${user}'`] as const,
  shutdown: () => [320, "CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'"] as const,
  userDeleted: (user: string) => [320, `CONNECTION_FORCED - user '${user}' is deleted`] as const,
  vhostDeleted: (vh: string) => [320, `CONNECTION_FORCED - vhost '${vh}' is deleted`] as const,
  noReplyConsumer: () => [406, 'PRECONDITION_FAILED - fast reply consumer does not exist'] as const,
  replyConsumerAcks: () => [406, 'PRECONDITION_FAILED - reply consumer cannot acknowledge'] as const,
  replyConsumerSet: () => [406, 'PRECONDITION_FAILED - reply consumer already set'] as const,
  homeNodeDown: (q: string, vh: string, node: string) =>
    [404, `NOT_FOUND - home node '${node}' of durable ${rs('queue', q, vh)} is down or inaccessible`] as const,
} satisfies Record<string, (...args: never[]) => readonly [number, string]>;

/** AMQP 0-9-1 class and method ids, by amqplib's method names (`defs.js`): a close frame names the method that failed. */
export const METHOD_IDS: Record<string, readonly [number, number]> = {
  ExchangeDeclare: [40, 10], ExchangeDelete: [40, 20], ExchangeBind: [40, 30], ExchangeUnbind: [40, 40],
  QueueDeclare: [50, 10], QueueBind: [50, 20], QueuePurge: [50, 30], QueueDelete: [50, 40], QueueUnbind: [50, 50],
  BasicQos: [60, 10], BasicConsume: [60, 20], BasicCancel: [60, 30], BasicPublish: [60, 40], BasicGet: [60, 70],
  BasicAck: [60, 80], BasicReject: [60, 90], BasicRecover: [60, 110], BasicNack: [60, 120],
  ConfirmSelect: [85, 10], ConnectionUpdateSecret: [10, 70],
};

/** A server-side error: a reply code and RabbitMQ's reply text, and the method that failed (0/0 when none). */
export class AmqpError extends Error {
  readonly code: number;
  readonly text: string;
  classId = 0;
  methodId = 0;
  constructor(entry: readonly [number, string]) {
    super(entry[1]);
    this.name = 'AmqpError';
    this.code = entry[0];
    this.text = entry[1];
  }
  /** Names the method that failed (the class and method ids of the server's close frame); keeps the first one named. */
  during(method: string): this {
    const ids = METHOD_IDS[method];
    if (ids && this.classId === 0) [this.classId, this.methodId] = ids;
    return this;
  }
  /** Whether this error closes the connection rather than only the channel. */
  get isConnectionError(): boolean {
    return CONNECTION_CODES.has(this.code);
  }
}

/** Throws the coded error. */
export function fail(entry: readonly [number, string]): never {
  throw new AmqpError(entry);
}

/** amqplib's `closeMessage`: `406 (PRECONDITION-FAILED) with message "PRECONDITION_FAILED - ..."`. */
export function closeMessage(code: number, text: string): string {
  return `${code} (${REPLY_NAMES[code] ?? 'UNKNOWN'}) with message "${text}"`;
}

/** A channel error as amqplib hands it over: `code`, and the `classId` and `methodId` of the close frame. */
export type ChannelError = Error & { code: number; classId: number; methodId: number };

/** The Error amqplib rejects an RPC with when the server closes the channel because of that RPC. */
export function operationFailed(method: string, e: AmqpError): ChannelError {
  return withIds(new Error(`Operation failed: ${method}; ${closeMessage(e.code, e.text)}`), e);
}

/** The Error amqplib reports (pending reply, `error` event) when the server closes the channel. */
export function channelClosedByServer(e: AmqpError): ChannelError {
  return withIds(new Error(`Channel closed by server: ${closeMessage(e.code, e.text)}`), e);
}

function withIds(err: Error, e: AmqpError): ChannelError {
  const out = withCode(err, e.code) as ChannelError;
  out.classId = e.classId;
  out.methodId = e.methodId;
  return out;
}

/** The Error amqplib emits on the connection when the server closes it (amqplib sets only `code` there). */
export function connectionClosedByServer(e: AmqpError): Error & { code: number } {
  return withCode(new Error(`Connection closed: ${closeMessage(e.code, e.text)}`), e.code);
}

/** amqplib's IllegalOperationError (`Channel closed`, `Connection closed (...)`): no code. */
export class IllegalOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IllegalOperationError';
  }
}

/** What amqplib rejects outstanding RPCs with when a channel ends without a reply. */
export const CHANNEL_ENDED = 'Channel ended, no reply will be forthcoming';

function withCode(e: Error, code: number): Error & { code: number } {
  (e as Error & { code: number }).code = code;
  return e as Error & { code: number };
}
