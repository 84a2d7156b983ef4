/**
 * A small builder for preset scenarios: place nodes on a grid (columns left to right: producers,
 * exchanges, queues, consumers), wire them, add lesson steps, and get back a validated document.
 */
import { restoreScenario } from '../restore';
import {
  SCENARIO_VERSION,
  scenarioEdge,
  scenarioNode,
  type ConsumerConfig,
  type ExchangeType,
  type BrokerConfig,
  type Lesson,
  type ProducerConfig,
  type QueueArguments,
  type ScenarioDocument,
  type TimelineEntry,
} from '../schema';
import { routeFromProducer } from '../routing';
import type { DocText } from './types';

/** Grid spacing in canvas pixels. */
export const COLUMN = 260;
export const ROW = 130;

type Step = Lesson['steps'][number];
type Check = NonNullable<Step['check']>;
type Raw = { nodes: unknown[]; edges: unknown[] };

/** Counters a `counter` check may name, per node kind (the engine reports these). */
export type Counter =
  | 'published' | 'confirmed' | 'nacked' | 'returned'
  | 'ready' | 'unacked' | 'enqueued' | 'dropped' | 'expired' | 'dead-lettered'
  | 'delivered' | 'acked' | 'rejected';

export type Cell = [col: number, row: number];
/** Text in English and Chinese; one string serves both (a test scenario, not a preset). */
type Text = string | [en: string, zh: string];
const both = (t: Text): [string, string] => (typeof t === 'string' ? [t, t] : t);
const at = ([col, row]: Cell) => ({ x: Math.round(col * COLUMN), y: Math.round(row * ROW) });

/** A lesson step: title and body in English and Simplified Chinese. */
export function step(title: [en: string, zh: string], body: [en: string, zh: string], check?: Check): Step {
  return { title: { en: title[0], zh: title[1] }, body: { en: body[0], zh: body[1] }, ...(check ? { check } : {}) };
}

/** Start a preset. Node ids are short (`p1`, `x1`, `q1`, `c1`) to keep share links short. */
export function builder() {
  const raw: Raw = { nodes: [], edges: [] };
  const counts: Record<string, number> = {};
  const nextId = (prefix: string) => `${prefix}${(counts[prefix] = (counts[prefix] ?? 0) + 1)}`;
  const node = (prefix: string, kind: string, cell: Cell, config: object) => {
    const id = nextId(prefix);
    raw.nodes.push({ id, kind, position: at(cell), config });
    return id;
  };
  const edge = (kind: string, source: string, target: string, extra: object = {}) => {
    raw.edges.push({ id: nextId('e'), kind, source, target, ...extra });
  };
  const timeline: TimelineEntry[] = [];
  const steps: Step[] = [];
  let broker: Partial<BrokerConfig> | undefined;
  const zhText: DocText = { title: '', description: '', notes: {} };

  const b = {
    producer: (name: string, cell: Cell, config: Partial<ProducerConfig> = {}) => node('p', 'producer', cell, { name, ...config }),
    exchange: (name: string, type: ExchangeType, cell: Cell, config: { alternateExchange?: string; durable?: boolean; vhost?: string } = {}) =>
      node('x', 'exchange', cell, { name, type, ...config }),
    queue: (name: string, cell: Cell, args: QueueArguments = {}, config: { durable?: boolean; vhost?: string; node?: string } = {}) =>
      node('q', 'queue', cell, { name, arguments: args, ...config }),
    consumer: (name: string, cell: Cell, config: Partial<ConsumerConfig> = {}) => node('c', 'consumer', cell, { name, ...config }),
    /** A note on the canvas, in English and Simplified Chinese (the reader's language is chosen on open). */
    note: ([en, zh]: [en: string, zh: string], cell: Cell) => {
      const id = node('n', 'note', cell, { text: en });
      zhText.notes[id] = zh;
      return id;
    },
    /** Producer → exchange, or producer → queue through the default exchange. */
    publish: (producer: string, target: string) => edge('publish', producer, target),
    bind: (exchange: string, target: string, bindingKey = '', args: Record<string, string | number | boolean> = {}) =>
      edge('binding', exchange, target, { bindingKey, arguments: args }),
    consume: (queue: string, consumer: string) => edge('consume', queue, consumer),
    at: (ms: number, action: TimelineEntry['action']) => timeline.push({ at: ms, action }),
    /** The broker section: cluster nodes, policies... (only what is given; the schema fills the rest). */
    broker: (config: Partial<BrokerConfig>) => {
      broker = config;
    },
    step: (...args: Parameters<typeof step>) => steps.push(step(...args)),
    /**
     * A "which queues receive this?" step whose answer is computed from the topology built so far,
     * so the lesson can never disagree with the routing rules.
     */
    ask: (title: [string, string], body: [string, string], producer: string, routingKey: string) => {
      const topology = { nodes: raw.nodes.map((n) => scenarioNode.parse(n)), edges: raw.edges.map((e) => scenarioEdge.parse(e)) };
      const answer = routeFromProducer(topology, producer, routingKey);
      steps.push(step(title, body, { kind: 'select-queues', routingKey, producer, answer }));
    },
    /** A step that is done once a node's counter reaches `atLeast`. */
    expect: (title: [string, string], body: [string, string], node: string, counter: Counter, atLeast: number) =>
      steps.push(step(title, body, { kind: 'counter', node, counter, atLeast })),
    /**
     * Validate and return the finished document (in English); a broken preset fails loudly at load.
     * Its Chinese title, description and notes are kept apart, for `zh()`.
     */
    done: (meta: { title: Text; description: Text; seed?: number }): ScenarioDocument => {
      const [title, description] = [both(meta.title), both(meta.description)];
      zhText.title = title[1];
      zhText.description = description[1];
      const doc = {
        version: SCENARIO_VERSION,
        seed: meta.seed ?? 1,
        title: title[0],
        description: description[0],
        ...raw,
        ...(timeline.length ? { timeline } : {}),
        ...(broker ? { broker } : {}),
        lesson: { steps },
      };
      const result = restoreScenario(doc);
      if (!result.ok) throw new Error(`Preset "${title[0]}" is invalid: ${result.error}`);
      return result.doc;
    },
    /** The document's own text in Chinese (call after `done`). */
    zh: (): DocText => zhText,
  };
  return b;
}
