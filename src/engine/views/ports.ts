import type { Clock } from '../kernel/clock';
import type { Connection } from '../client/connection';
import type { VHost } from '../server/vhost';

/** The broker as the views read it (snapshot, peek, explain); broker.ts implements it. They change nothing. */
export interface ViewedBroker {
  readonly clock: Clock;
  readonly vhosts: ReadonlyMap<string, VHost>;
  readonly connections: Iterable<Connection>;
  readonly alarms: { isBlocked(conn: Connection): boolean };
}
