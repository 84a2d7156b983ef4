/** The Code panel's examples, in the order of RabbitMQ's tutorials. */
import { HELLO_WORLD } from './hello-world';
import type { CodeExample } from './types';

export const EXAMPLES: CodeExample[] = [HELLO_WORLD];
export type { CodeExample };
