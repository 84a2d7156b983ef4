// The fuzzer's second client style: a connection of amqplib's callback API (`amqplib/callback_api`) seen
// through the promise shape the interpreter uses, so one script drives either style. Every call still goes
// through the callback API's own methods (with all positional arguments, as a callback-API user passes
// them), so its callbacks, argument handling and events are what gets compared.

/** Positional arguments before the node-style callback, per method of a callback-API channel. */
const RPC_ARITY = {
  assertQueue: 2, checkQueue: 1, deleteQueue: 2, purgeQueue: 1, bindQueue: 4, unbindQueue: 4,
  assertExchange: 3, checkExchange: 1, deleteExchange: 2, bindExchange: 4, unbindExchange: 4,
  consume: 3, cancel: 1, get: 2, prefetch: 2, recover: 0, close: 0, waitForConfirms: 0,
};
const PLAIN = ['publish', 'sendToQueue', 'ack', 'nack', 'reject', 'ackAll', 'nackAll'];

const call = (target, method, args, n) => new Promise((resolve, reject) => {
  const a = args.slice(0, n);
  while (a.length < n) a.push(undefined);
  target[method](...a, (e, ok) => (e ? reject(e) : resolve(ok)));
});

/** A callback-API channel with promise-returning methods. */
export function promiseChannel(cb) {
  cb.on('error', () => {}); // channel errors reach the callbacks
  const ch = {
    on: (event, listener) => { cb.on(event, listener); return ch; },
    once: (event, listener) => { cb.once(event, listener); return ch; },
  };
  for (const [m, n] of Object.entries(RPC_ARITY)) ch[m] = (...args) => call(cb, m, args, n);
  for (const m of PLAIN) ch[m] = (...args) => cb[m](...args);
  return ch;
}

/** A callback-API connection with promise-returning createChannel / createConfirmChannel / close. */
export function promiseConnection(c) {
  const open = (method) => new Promise((resolve, reject) => {
    c[method]((e, ch) => (e ? reject(e) : resolve(promiseChannel(ch))));
  });
  return {
    createChannel: () => open('createChannel'),
    createConfirmChannel: () => open('createConfirmChannel'),
    close: () => new Promise((resolve) => { c.close(() => resolve()); }),
  };
}
