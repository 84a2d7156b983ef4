import type { RoutedQueue } from './ports';

/**
 * Erlang compares queue names as UTF-8 binaries, byte by byte: that is code point order, which differs
 * from JavaScript's UTF-16 order only where a surrogate pair meets a character in U+E000..U+FFFF.
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x - y;
    return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
  }
  return a.length - b.length;
}

const isQuorum = (q: RoutedQueue) => q.settings.type === 'quorum';

/**
 * Puts the queues one message was routed to in the order RabbitMQ 3.10 hands them the copies, which is the
 * order copies reach consumers that share a channel. `rabbit_exchange:route` sorts the queue names
 * (`lists:usort`). A publish then goes through `rabbit_queue_type:deliver` and `delegate`, whose folds leave
 * the classic queues in descending order of name; a dead-letter is delivered statelessly, in ascending order.
 * Classic queues are cast to directly and come first; quorum queues answer only after a Raft commit.
 * Sorts in place; the order is RabbitMQ's usual one (its queue processes run in parallel, so a loaded
 * broker can swap two copies now and then).
 */
export function deliveryOrder<Q extends RoutedQueue>(queues: Q[], path: 'publish' | 'dead-letter'): Q[] {
  if (queues.length < 2) return queues;
  const sign = path === 'publish' ? -1 : 1;
  return queues.sort((a, b) => {
    const qa = isQuorum(a);
    if (qa !== isQuorum(b)) return qa ? 1 : -1;
    return sign * compareNames(a.name, b.name);
  });
}
