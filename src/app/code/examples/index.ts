/** The Code panel's examples, in the order of RabbitMQ's tutorials. */
import { HELLO_WORLD } from './hello-world';
import { PUBLISH_SUBSCRIBE } from './publish-subscribe';
import { PUBLISHER_CONFIRMS } from './publisher-confirms';
import { ROUTING } from './routing';
import { RPC } from './rpc';
import { TOPICS } from './topics';
import type { CodeExample } from './types';
import { WORK_QUEUES } from './work-queues';

export const EXAMPLES: CodeExample[] = [HELLO_WORLD, WORK_QUEUES, PUBLISH_SUBSCRIBE, ROUTING, TOPICS, RPC, PUBLISHER_CONFIRMS];
export type { CodeExample };
