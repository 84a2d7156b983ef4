/** Fakes of server/ports.ts for the server floor's tests: entities built from a kernel, without a Broker. */
import type { Queue } from '../queues/queue';
import type { ServerConnection } from './ports';

/** A client connection as the server side sees it; the events it is sent go into `heard`. */
export function fakeConnection(heard: string[] = []): ServerConnection {
  return {
    id: 7, user: 'guest', node: 'rabbit@localhost', vhost: { name: '/' }, isOpen: true, exclusiveQueues: new Set<Queue>(),
    emit: (event: string) => (heard.push(event), true),
    serverClose: () => {},
  };
}
