/** React Flow node and edge shapes for Warren, derived from the scenario document. */
import type { Edge, Node } from '@xyflow/react';
import type { ExchangeType, NodeOf, ScenarioEdge } from '../../scenario/schema';

/** Live counters a node shows; all default to 0 until the simulation feeds them. */
export interface QueueLive { ready: number; unacked: number }
export interface ConsumerLive { delivered: number; acked: number; unacked: number }
export interface ProducerLive { published: number }
export interface ExchangeLive { in: number; out: number }
export type LiveCounters = Partial<QueueLive & ConsumerLive & ProducerLive & ExchangeLive>;

export type ProducerFlowNode = Node<{ node: NodeOf<'producer'>; target?: string; live?: ProducerLive }, 'producer'>;
export type ExchangeFlowNode = Node<{ node: NodeOf<'exchange'>; live?: ExchangeLive }, 'exchange'>;
export type QueueFlowNode = Node<{ node: NodeOf<'queue'>; live?: QueueLive }, 'queue'>;
export type ConsumerFlowNode = Node<{ node: NodeOf<'consumer'>; queue?: string; live?: ConsumerLive }, 'consumer'>;
export type NoteFlowNode = Node<{ node: NodeOf<'note'> }, 'note'>;
export type FlowNode = ProducerFlowNode | ExchangeFlowNode | QueueFlowNode | ConsumerFlowNode | NoteFlowNode;

export type BindingFlowEdge = Edge<{ edge: Extract<ScenarioEdge, { kind: 'binding' }>; exchangeType: ExchangeType }, 'binding'>;
export type PlainFlowEdge = Edge<{ edge: ScenarioEdge }, 'publish' | 'consume'>;
/** Dead-letter (queue → its DLX) and alternate-exchange edges: shown, never stored. */
export type DerivedFlowEdge = Edge<{ label?: string }, 'deadLetter' | 'alternate'>;
export type FlowEdge = BindingFlowEdge | PlainFlowEdge | DerivedFlowEdge;

/** Handle ids used by derived edges, which leave and enter nodes from below. */
export const SIDE_OUT = 'side-out';
export const SIDE_IN = 'side-in';
export const SIDE_OUT_TOP = 'side-out-top';
export const SIDE_IN_TOP = 'side-in-top';
