import type { NodeTypes } from '@xyflow/react';
import { ProducerNode } from './ProducerNode';
import { ExchangeNode } from './ExchangeNode';
import { QueueNode } from './QueueNode';
import { ConsumerNode } from './ConsumerNode';
import { NoteNode } from './NoteNode';
import { CodeNode } from './CodeNode';

/** At module scope, so React Flow never sees a new object and remounts nodes. */
export const nodeTypes: NodeTypes = {
  producer: ProducerNode,
  exchange: ExchangeNode,
  queue: QueueNode,
  consumer: ConsumerNode,
  note: NoteNode,
  code: CodeNode,
};
