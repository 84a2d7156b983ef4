/**
 * The typed boundary between the UI and the simulation: commands in, frames out.
 * Everything here is structured-clone safe (plain data), so it crosses postMessage as is.
 */
import type { QueueContents, RouteExplanation, TraceEvent } from '../engine';
import type { Motion } from './motion';
import type { ScenarioDocument } from '../scenario/schema';
import type { BrokerOp, BrokerStatus } from './admin-commands';
import type { ClusterCommand, ClusterStatus } from './cluster-protocol';
import type { ProgramReport, ProgramSpec } from './programs/types';
import type { ManagementOp, ManagementReply } from './management-protocol';
import type { RunMark } from './marks';

/** Overrides for one manual publish from a producer node. */
export interface PublishOverrides {
  routingKey?: string;
  body?: string;
  persistent?: boolean;
  expiration?: number;
  priority?: number;
  headers?: Record<string, string | number | boolean | null>;
}

export type Command =
  /** Build the simulation from a document, from time zero. */
  | { type: 'load'; doc: ScenarioDocument }
  | { type: 'play' }
  | { type: 'pause' }
  /** Advance to the next trace event and stop there. */
  | { type: 'step' }
  /** Go back to the trace event before the one shown last, as Step showed it (time-travel.ts). */
  | { type: 'step-back' }
  /** Go to an instant of the run (after everything at it), or to one event of it when `seq` is given. */
  | { type: 'seek'; t: number; seq?: number }
  /** Undo the last branch: drop the input that started it, bring the old future back, and go to where it began. */
  | { type: 'unbranch' }
  /** A live edit (live-edit.ts) at this instant: producers and consumers take their new settings; at a past instant, a new branch. */
  | { type: 'edit'; doc: ScenarioDocument }
  | { type: 'speed'; speed: number }
  | { type: 'reset' }
  | { type: 'seed'; seed: number }
  /** The page lost track of the frames' changes (frame-delta.ts): send the next frame whole. */
  | { type: 'resync' }
  /**
   * Wall-clock time passed on the UI's side; the simulation advances by `wallMs × speed`. A worker
   * with its own clock (handler.ts `clock`) keeps time itself while playing and takes a playing
   * tick only as a request for a frame.
   */
  | { type: 'tick'; wallMs: number }
  /**
   * The shortest wall time between two refreshes the page can take without late frames, and
   * whether its frames are late even so (app/sim/refreshPacer.ts): a strained page has the engine
   * keep to half the CPU (handler.ts ENGINE_SHARE_STRAINED).
   */
  | { type: 'pace'; ms: number; strained?: boolean }
  /** The page was hidden or shown: a hidden tab's run waits, as it did when the page's frames drove it. */
  | { type: 'visibility'; hidden: boolean }
  | { type: 'publish'; producer: string; overrides?: PublishOverrides }
  | { type: 'producer'; producer: string; action: 'start' | 'stop' }
  | { type: 'consumer'; consumer: string; action: 'pause' | 'resume' | 'kill-connection' }
  | { type: 'purge'; queue: string }
  /** Ask why a message went where it went; answered by an `explanation` reply. */
  | { type: 'explain'; requestId: number; messageId: number }
  /** Ask what a queue node holds now; answered by a `queue-contents` reply. */
  | { type: 'peek'; requestId: number; queue: string }
  /** The broker panel: restart, memory watermark, disk limit, resources (admin-commands.ts). */
  | ({ type: 'broker' } & BrokerOp)
  /** The management views: Overview, Publish message, Get messages; answered by a `management` reply (management.ts). */
  | ({ type: 'management'; requestId: number } & ManagementOp)
  /** Stop or start a cluster node (cluster-protocol.ts). */
  | ClusterCommand
  /** Run a program of the Code panel against this run's broker (programs/runtime.ts). */
  | { type: 'program'; action: 'run'; program: ProgramSpec }
  | { type: 'program'; action: 'stop'; id: string }
  /**
   * Where the messages in motion go: a port to the message layer's renderer (its worker, or the page
   * where it draws there), so each frame's motion skips the page's main thread. Null: back in the frames.
   */
  | { type: 'motion-port'; port: MessagePort | null };

/** What the simulation sends the message layer's renderer through the motion port, in run order. */
export type MotionMessage =
  /** One engine frame: what moved, the virtual time reached and whether the run plays. */
  | { type: 'frame'; motion?: Motion; t: number; playing: boolean; speed: number; eventCount: number; lag: number }
  /** A new run: forget every mark. */
  | { type: 'clear' };

/** Live counters for one canvas node, keyed in the frame by node id. */
export interface NodeCounters {
  /** queue */
  ready?: number;
  unacked?: number;
  consumers?: number;
  enqueued?: number;
  /** producer */
  published?: number;
  confirmed?: number;
  nacked?: number;
  returned?: number;
  blocked?: boolean;
  /** producer: publishing at its rate now */
  running?: boolean;
  /** consumer */
  delivered?: number;
  acked?: number;
  rejected?: number;
  prefetch?: number;
  state?: 'idle' | 'busy' | 'paused' | 'stopped';
  /** exchange */
  in?: number;
  out?: number;
  unroutable?: number;
  /** queue and exchange */
  dropped?: number;
  expired?: number;
  deadLettered?: number;
  /** A problem on this node (a refused declare, a closed channel), in RabbitMQ's words. */
  error?: string;
}

export interface Frame {
  type: 'frame';
  /**
   * Which run this frame belongs to: the handler counts the commands that start a run (load,
   * reset, seed), and the page counts the ones it sent, so a frame already on its way when a new
   * run started is recognised and dropped. Set by the handler (handler.ts).
   */
  run?: number;
  /** Virtual time in ms. */
  t: number;
  playing: boolean;
  speed: number;
  /**
   * Trace events for the log, oldest first: every event since the previous frame when paused or
   * stepping; while playing, the newest ones (at most the log's size) every 100 ms, or every 400
   * ms in a busy run (see log-gate.ts), and none in the frames between.
   */
  events: TraceEvent[];
  /** Whether this frame brings the log and the counters up to date (the UI refreshes its panels on it). */
  refresh: boolean;
  /** Trace events the simulation produced since the previous frame, whether or not they are in `events`. */
  eventCount: number;
  /** What the message layer draws: the flights, effects and parked marks these events made (motion.ts). */
  motion?: Motion;
  /** Events that did not fit in the trace buffer since the previous frame. */
  lost: number;
  /** Every canvas node's counters (they travel as changes since the previous frame: frame-delta.ts). */
  counters: Record<string, NodeCounters>;
  /** Which canvas node a trace name or channel belongs to, sent when the simulation is (re)built. */
  map?: NodeMap;
  /** The broker as a whole: resources, alarms, blocked producers, a restart under way (admin-commands.ts). */
  broker?: BrokerStatus;
  /** Cluster nodes, queue placement, agents' nodes (cluster-protocol.ts): in the first frame (null for a single node) and when it changed. */
  cluster?: ClusterStatus | null;
  /** Programs' console output, states and canvas view, since the previous frame (programs/types.ts). */
  programs?: ProgramReport;
  /** The run as the scrubber shows it (time-travel.ts). */
  travel?: TravelStatus;
}

export interface TravelStatus {
  /** The furthest instant this run has reached (virtual ms): the scrubber's end. */
  furthest: number;
  /** Notable events to mark on the scrubber; sent when they changed. */
  marks?: RunMark[];
  /** This frame shows an instant gone back to: the page replaces its log and flights with this frame's. */
  sought?: boolean;
  /** An input at a past instant started a new branch: the old future after this instant was dropped. */
  branched?: number;
}

/** How trace names map to canvas nodes. */
export interface NodeMap {
  exchanges: Record<string, string>;
  queues: Record<string, string>;
  /** Channel number → producer or consumer node id. */
  channels: Record<number, string>;
}

export interface Explanation {
  type: 'explanation';
  requestId: number;
  messageId: number;
  /** The message's own events, then those of its dead-lettered descendants, oldest first. */
  events: TraceEvent[];
  /** For each `routed` event (by seq): every binding considered and why it did or did not match. */
  routes: Record<number, RouteExplanation>;
  /** Body and properties, when the message is still held by the broker or was seen delivered. */
  details?: MessageDetails;
  /** Earlier events of this message fell out of the bounded trace. */
  truncated: boolean;
}

export interface MessageDetails {
  body: string;
  properties: Record<string, unknown>;
}

export interface Problem {
  type: 'problem';
  /** The run it happened in (as Frame.run), so a replaced run's trouble is not reported on the new one. */
  run?: number;
  /** What went wrong and what to do, for the user. */
  message: string;
}

/** The messages a queue holds at the moment asked (null: the broker has no such queue now). */
export interface QueueContentsReply {
  type: 'queue-contents';
  requestId: number;
  queue: string;
  /** Virtual time of the answer. */
  t: number;
  contents: QueueContents | null;
}

export type Reply = Frame | Explanation | QueueContentsReply | Problem | ManagementReply;
