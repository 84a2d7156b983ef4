/**
 * A compact wire form for a frame's trace events. At 10× speed a frame carries a thousand or more
 * events; structured-cloning them costs the worker and the page several milliseconds each per
 * frame. Packed, they travel as one transferable Float64Array of values, a tag per value, the
 * frame's distinct strings once each, and the key lists ("shapes") of the events, and unpack into
 * objects equal to the originals, keys in the same order, `undefined` members included.
 *
 * Values: numbers and string indexes in `values`, with a tag each; arrays as a length followed by
 * their elements; other objects (binding references, argument tables) in `objects`, each distinct
 * object once, structured-cloned as before (the engine shares them between events).
 */
import type { TraceEvent } from '../engine';
import type { Frame } from './protocol';
import type { SentFrame, SentReply } from './frame-delta';

export interface PackedEvents {
  count: number;
  /** Key lists, by shape index. */
  shapes: string[][];
  strings: string[];
  objects: unknown[];
  tags: Uint8Array;
  values: Float64Array;
}

/** A frame as it crosses postMessage from the worker. */
export type WireFrame = Omit<SentFrame, 'events'> & { events?: undefined; packed: PackedEvents };
export type WireReply = Exclude<SentReply, SentFrame> | WireFrame | SentFrame;

const NUM = 0;
const STR = 1;
const TRUE = 2;
const FALSE = 3;
const NULL = 4;
const UNDEF = 5;
const ARR = 6;
const OBJ = 7;
/** Starts an event: its value is the shape index. */
const EVENT = 8;

export class EventPacker {
  private tags = new Uint8Array(4096);
  private values = new Float64Array(4096);
  private n = 0;
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private objects: unknown[] = [];
  private objectIndex = new Map<object, number>();
  private shapes: string[][] = [];
  /** Shapes by event type, each with its index in `shapes` for this frame (-1 until used). */
  private shapesByType = new Map<string, { keys: string[]; index: number }[]>();

  pack(events: readonly TraceEvent[]): PackedEvents {
    this.n = 0;
    for (const e of events) this.event(e as unknown as Record<string, unknown>);
    const out: PackedEvents = {
      count: events.length,
      shapes: this.shapes,
      strings: this.strings,
      objects: this.objects,
      tags: this.tags.slice(0, this.n),
      values: this.values.slice(0, this.n),
    };
    this.strings = [];
    this.stringIndex.clear();
    this.objects = [];
    this.objectIndex.clear();
    this.shapes = [];
    for (const list of this.shapesByType.values()) for (const s of list) s.index = -1;
    return out;
  }

  private push(tag: number, value: number): void {
    if (this.n === this.tags.length) {
      const tags = new Uint8Array(this.n * 2);
      tags.set(this.tags);
      this.tags = tags;
      const values = new Float64Array(this.n * 2);
      values.set(this.values);
      this.values = values;
    }
    this.tags[this.n] = tag;
    this.values[this.n++] = value;
  }

  private shapeOf(e: Record<string, unknown>): { keys: string[]; index: number } {
    const type = String(e.type);
    let list = this.shapesByType.get(type);
    if (!list) this.shapesByType.set(type, (list = []));
    for (const s of list) {
      const keys = s.keys;
      let i = 0;
      let same = true;
      for (const k in e) {
        if (keys[i++] !== k) {
          same = false;
          break;
        }
      }
      if (same && i === keys.length) return s;
    }
    const shape = { keys: Object.keys(e), index: -1 };
    list.push(shape);
    return shape;
  }

  private event(e: Record<string, unknown>): void {
    const shape = this.shapeOf(e);
    if (shape.index < 0) {
      shape.index = this.shapes.length;
      this.shapes.push(shape.keys);
    }
    this.push(EVENT, shape.index);
    for (const k of shape.keys) this.value(e[k]);
  }

  private value(v: unknown): void {
    switch (typeof v) {
      case 'number':
        return this.push(NUM, v);
      case 'string': {
        let i = this.stringIndex.get(v);
        if (i === undefined) {
          i = this.strings.length;
          this.strings.push(v);
          this.stringIndex.set(v, i);
        }
        return this.push(STR, i);
      }
      case 'boolean':
        return this.push(v ? TRUE : FALSE, 0);
      case 'undefined':
        return this.push(UNDEF, 0);
      default:
        break;
    }
    if (v === null) return this.push(NULL, 0);
    if (Array.isArray(v)) {
      this.push(ARR, v.length);
      for (const x of v) this.value(x);
      return;
    }
    let i = this.objectIndex.get(v as object);
    if (i === undefined) {
      i = this.objects.length;
      this.objects.push(v);
      this.objectIndex.set(v as object, i);
    }
    this.push(OBJ, i);
  }
}

/** The events of a packed frame, as objects. */
export function unpackEvents(p: PackedEvents): TraceEvent[] {
  const { tags, values, strings, objects, shapes } = p;
  const out: TraceEvent[] = new Array(p.count);
  let at = 0;
  const value = (): unknown => {
    const tag = tags[at];
    const v = values[at++];
    switch (tag) {
      case NUM:
        return v;
      case STR:
        return strings[v];
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case UNDEF:
        return undefined;
      case ARR: {
        const a: unknown[] = new Array(v);
        for (let i = 0; i < v; i++) a[i] = value();
        return a;
      }
      case OBJ:
        return objects[v];
      default:
        throw new Error(`Corrupt packed frame: tag ${tag} at ${at - 1}`);
    }
  };
  for (let e = 0; e < p.count; e++) {
    if (tags[at] !== EVENT) throw new Error(`Corrupt packed frame: event ${e} does not start at ${at}`);
    const keys = shapes[values[at++]];
    const o: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) o[keys[k]] = value();
    out[e] = o as unknown as TraceEvent;
  }
  return out;
}

/** Frames go packed (with the buffers to transfer); other replies as they are. */
export function packReply(reply: SentReply, packer: EventPacker): { message: WireReply; transfer: Transferable[] } {
  if (reply.type !== 'frame') return { message: reply, transfer: [] };
  const { events, ...rest } = reply;
  const packed = packer.pack(events);
  const transfer: Transferable[] = [packed.tags.buffer, packed.values.buffer];
  if (rest.motion) transfer.push(rest.motion.flights.buffer, rest.motion.bursts.buffer, rest.motion.parked.buffer);
  if (rest.countersDelta) transfer.push(rest.countersDelta.changes.buffer, rest.countersDelta.values.buffer);
  return { message: { ...rest, packed }, transfer };
}

const COUNT = Symbol('events count');

/**
 * A frame's events are unpacked when first read, not on arrival: a busy run sends thousands of
 * events with each log frame, and the page keeps only the last refresh's worth (app/sim/bridge.ts),
 * so most of them would be unpacked for nothing.
 */
export function unpackReply(message: WireReply): SentReply {
  if (message.type !== 'frame' || !('packed' in message) || !message.packed) return message as SentReply;
  const { packed, ...rest } = message;
  let events: TraceEvent[] | undefined;
  const frame = rest as unknown as SentFrame;
  Object.defineProperty(frame, 'events', { get: () => (events ??= unpackEvents(packed)), enumerable: true, configurable: true });
  Object.defineProperty(frame, COUNT, { value: packed.count });
  return frame;
}

/** How many events a frame carries, without unpacking them. */
export function eventsIn(frame: Frame | SentFrame): number {
  const count = (frame as Frame & { [COUNT]?: number })[COUNT];
  return count ?? frame.events.length;
}
