/**
 * Live counters on the canvas's nodes, written straight into their elements on each refresh.
 *
 * A busy run refreshes the counters of every node several times a second. Rendering them through
 * React re-rendered each node card (its hooks, its memo checks, its attributes) and committed the
 * result: on a CPU slowed 4× that was a task of ~100 ms per refresh. Here a node card renders once
 * with empty slots, and one store subscriber writes each node's numbers into its slots, touching
 * only the text nodes and attributes whose value changed. What changes the card's structure (an
 * error badge, the controls of a stopped consumer) stays in React, read with narrow selectors that
 * change rarely (`useCounter`).
 *
 * While a run plays, only the cards on screen are written (onScreen.ts tells which): a big scenario
 * shows a few of its cards at a readable zoom, and writing the others cost a layout and paint of
 * numbers nobody saw. A card that comes into view is written at once with the numbers it missed,
 * and a pause writes every card.
 */
import { useLayoutEffect } from 'react';
import { useStore } from 'zustand';
import type { NodeCounters } from '../../../worker/protocol';
import { simulationStore, type SimulationState } from '../../../store/simulation';

/** Writes one node's counters into its card. */
export type LiveWriter = (c: NodeCounters) => void;

const EMPTY: NodeCounters = {};
const writers = new Map<string, Set<LiveWriter>>();
let shown: SimulationState['counters'] | null = null;
let unsubscribe: (() => void) | null = null;
/** Whether a node's card is on screen (setOnScreen); every card is, until told otherwise. */
let onScreen: ((id: string) => boolean) | null = null;
/** Cards not written at the last refreshes, off screen while the run played. */
const stale = new Set<string>();

function writeNode(id: string, counters: SimulationState['counters']): void {
  const c = counters[id] ?? EMPTY;
  for (const write of writers.get(id) ?? []) write(c);
}

function refresh(s: SimulationState): void {
  if (s.counters === shown) return;
  shown = s.counters;
  const skip = s.playing ? onScreen : null;
  for (const id of writers.keys()) {
    if (skip && !skip(id)) stale.add(id);
    else {
      stale.delete(id);
      writeNode(id, s.counters);
    }
  }
}

/**
 * Which cards are on screen (null: all); cards that came into view are written at once. The canvas
 * calls it as its view or its nodes change (onScreen.ts).
 */
export function setOnScreen(test: ((id: string) => boolean) | null): void {
  onScreen = test;
  const counters = simulationStore.getState().counters;
  for (const id of [...stale]) {
    if (test && !test(id)) continue;
    stale.delete(id);
    writeNode(id, counters);
  }
}

/** Registers a writer for node `id` while it is mounted (written at once, then on every refresh). */
export function addWriter(id: string, write: LiveWriter): () => void {
  unsubscribe ??= simulationStore.subscribe(refresh);
  let set = writers.get(id);
  if (!set) writers.set(id, (set = new Set()));
  set.add(write);
  write(simulationStore.getState().counters[id] ?? EMPTY);
  return () => {
    set.delete(write);
    if (!set.size) {
      writers.delete(id);
      stale.delete(id);
    }
    if (!writers.size) {
      unsubscribe?.();
      unsubscribe = null;
      shown = null;
    }
  };
}

/** Finds a card's slots by name (see slotsOf). */
export type Slots = (name: string) => Slot | null;

/**
 * A node card's writer, made for the card's root element (`make` is given its slots; keep it
 * stable with useCallback) and registered from a layout effect, so the first paint has the numbers.
 */
export function useLive(id: string, root: { readonly current: Element | null }, make: (slot: Slots) => LiveWriter): void {
  useLayoutEffect(() => addWriter(id, make(slotsOf(root))), [id, root, make]);
}

/** One counter of one node for React: re-renders only when this value changes. */
export function useCounter<T>(id: string, pick: (c: NodeCounters) => T): T {
  return useStore(simulationStore, (s) => pick(s.counters[id] ?? EMPTY));
}

/**
 * A count as a card draws it: at most four characters (9999, 12k, 1.2M), so the room a card
 * reserves for it (nodeSizes.ts) always holds it. The inspector and the Stats panel show it exact.
 */
export function formatCount(n: number): string {
  if (n < 10_000) return String(n);
  if (n < 1_000_000) return `${Math.floor(n / 1000)}k`;
  if (n < 10_000_000) return `${Math.floor(n / 100_000) / 10}M`;
  return `${Math.floor(n / 1_000_000)}M`;
}

/** What a writer touches: an element's text, attributes and `hidden` (the DOM's Element is one). */
export interface Slot {
  textContent: string | null;
  hidden: boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  readonly style?: { width: string };
  readonly firstChild?: { readonly nodeType: number; readonly nextSibling: unknown } | null;
}

/** What was last written into each element, so a refresh that changes nothing writes nothing (a write, even of the same text, makes the browser lay the text out again). */
const written = new WeakMap<Slot, Map<string, unknown>>();

function changed(el: Slot, key: string, value: unknown): boolean {
  let last = written.get(el);
  if (!last) written.set(el, (last = new Map()));
  if (last.has(key) && last.get(key) === value) return false;
  last.set(key, value);
  return true;
}

/**
 * A slot's text. Its one text node keeps its place and takes the new characters: setting
 * `textContent` would remove it and insert a new one, which the browser styles and adds to the
 * layout afresh (three invalidations for each number, not one).
 */
export function setText(el: Slot | null, text: string): void {
  if (!el || !changed(el, '', text)) return;
  const node = el.firstChild;
  if (node && node.nodeType === TEXT_NODE && !node.nextSibling) (node as unknown as { data: string }).data = text;
  else el.textContent = text;
}

const TEXT_NODE = 3;

/** An attribute; `undefined` removes it. */
export function setAttr(el: Slot | null, name: string, value: string | number | boolean | undefined): void {
  if (!el || !changed(el, `@${name}`, value)) return;
  if (value === undefined) el.removeAttribute(name);
  else el.setAttribute(name, String(value));
}

export function setHidden(el: Slot | null, hidden: boolean): void {
  if (el && changed(el, 'hidden', hidden)) el.hidden = hidden;
}

export function setWidth(el: Slot | null, width: string): void {
  if (el?.style && changed(el, 'width', width)) el.style.width = width;
}

/** The slots of a card (elements marked `data-live="name"`), found once per element. */
export function slotsOf(ref: { readonly current: { querySelector(sel: string): unknown } | null }): Slots {
  const found = new Map<string, Slot | null>();
  return (name) => {
    const root = ref.current;
    if (!root) return null;
    let el = found.get(name);
    if (el === undefined || (el && !(el as Slot & { isConnected?: boolean }).isConnected)) found.set(name, (el = (root.querySelector(`[data-live="${name}"]`) as Slot | null) ?? null));
    return el;
  };
}
