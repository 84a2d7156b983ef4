import { describe, expect, it } from 'vitest';
import { applyChange } from '../../scenario/changes';
import { createNode, emptyScenario } from '../../scenario/factory';
import { PRESETS } from '../../scenario/presets';
import type { NodeKind, ScenarioDocument } from '../../scenario/schema';
import { autoLayout, type Box, type Layout, type Point } from './autoLayout';
import { layoutEdges } from './layoutGraph';
import { layoutKey } from './layoutKey';
import { nodeSizeIn, SIDE_PORT_OFFSET } from './nodeSizes';
import { PRESET_ROUTES } from './presetRoutes';

function build(kinds: NodeKind[]): ScenarioDocument {
  let doc = emptyScenario();
  for (const kind of kinds) doc = applyChange(doc, { type: 'add-nodes', nodes: [createNode(doc, kind, { x: 500, y: 500 })] });
  return doc;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const shrink = (b: Box, by: number): Box => ({ x: b.x + by, y: b.y + by, width: b.width - 2 * by, height: b.height - 2 * by });
/** An axis-parallel segment as a thin box. */
const segment = (a: Point, b: Point): Box => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) || 0.01, height: Math.abs(a.y - b.y) || 0.01 });

function boxes(doc: ScenarioDocument, layout: Layout): Map<string, Box> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  return new Map(layout.moves.map((m) => [m.id, { x: m.x, y: m.y, ...nodeSizeIn(doc, byId.get(m.id)!) }]));
}

/** One layout per preset, shared by its checks (ELK is deterministic). */
const cache = new Map<ScenarioDocument, Promise<Layout>>();
const layoutOf = (doc: ScenarioDocument) => cache.get(doc) ?? cache.set(doc, autoLayout(doc)).get(doc)!;

describe('autoLayout', () => {
  it('keys a layout by its graph and its positions: a node moved, or renamed, is another key', () => {
    const doc = PRESETS.find((p) => p.id === 'topics')!.doc;
    const key = layoutKey(doc);
    expect(layoutKey(structuredClone(doc))).toBe(key);
    const [first, ...rest] = doc.nodes;
    expect(layoutKey({ ...doc, nodes: [{ ...first, position: { x: first.position.x + 20, y: first.position.y } }, ...rest] })).not.toBe(key);
    const renamed = doc.nodes.map((n) => (n.kind === 'queue' ? { ...n, config: { ...n.config, name: `${n.config.name}-longer-name` } } : n));
    expect(layoutKey({ ...doc, nodes: renamed })).not.toBe(key);
  });

  it('puts producer, exchange, queue and consumer left to right', async () => {
    let doc = build(['consumer', 'queue', 'exchange', 'producer']);
    const id = (k: NodeKind) => doc.nodes.find((n) => n.kind === k)!.id;
    doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e1', kind: 'publish', source: id('producer'), target: id('exchange') } });
    doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e2', kind: 'binding', source: id('exchange'), target: id('queue'), bindingKey: '', arguments: {} } });
    doc = applyChange(doc, { type: 'add-edge', edge: { id: 'e3', kind: 'consume', source: id('queue'), target: id('consumer') } });
    const { moves, routes } = await autoLayout(doc);
    const x = (k: NodeKind) => moves.find((m) => m.id === id(k))!.x;
    expect(x('producer')).toBeLessThan(x('exchange'));
    expect(x('exchange')).toBeLessThan(x('queue'));
    expect(x('queue')).toBeLessThan(x('consumer'));
    expect(Object.keys(routes).sort()).toEqual(['e1', 'e2', 'e3']);
  });

  it('places unconnected nodes too, without overlapping', async () => {
    const doc = build(['consumer', 'producer', 'note']);
    const layout = await autoLayout(doc);
    const all = [...boxes(doc, layout).values()];
    expect(all).toHaveLength(3);
    for (const a of all) for (const b of all) if (a !== b) expect(overlap(a, b)).toBe(false);
  });

  describe.each(PRESETS.map((p) => [p.id, p.doc] as const))('%s', (_, doc) => {
    it('opens at the positions ELK computes (else run: npx tsx scripts/layout-presets.ts)', async () => {
      const { moves } = await layoutOf(doc);
      const stored = Object.fromEntries(doc.nodes.map((n) => [n.id, [n.position.x, n.position.y]]));
      expect(Object.fromEntries(moves.map((m) => [m.id, [m.x, m.y]]))).toEqual(stored);
    });

    it('opens with the routes ELK computes, stored under its layout key (else run: npx tsx scripts/layout-presets.ts)', async () => {
      const { routes } = await layoutOf(doc);
      expect(PRESET_ROUTES[layoutKey(doc)]).toEqual(routes);
    });

    it('keeps labels clear of each other and of nodes, and edges out from under nodes', async () => {
      const layout = await layoutOf(doc);
      const nodes = boxes(doc, layout);
      const labels = Object.entries(layout.routes).flatMap(([id, r]) => (r.label ? [[id, r.label] as const] : []));
      for (const [id, l] of labels) {
        for (const [other, m] of labels) if (other !== id) expect(overlap(l, m), `${id} label on ${other} label`).toBe(false);
        for (const [n, b] of nodes) expect(overlap(l, b), `${id} label on node ${n}`).toBe(false);
      }
      for (const [id, r] of Object.entries(layout.routes)) {
        for (let i = 1; i < r.points.length; i++) {
          const s = segment(r.points[i - 1], r.points[i]);
          for (const [n, b] of nodes) expect(overlap(s, shrink(b, 1)), `edge ${id} under node ${n}`).toBe(false);
        }
      }
    });

    it('puts producers left of every consumer', () => {
      const xs = (k: NodeKind) => doc.nodes.filter((n) => n.kind === k).map((n) => n.position.x);
      if (xs('producer').length && xs('consumer').length) expect(Math.max(...xs('producer'))).toBeLessThan(Math.min(...xs('consumer')));
    });
  });
});

describe('a retry loop (ttl-dlx)', () => {
  it('lies in a row under the message path, between the exchange it returns to and the queue it leaves, with both dead-letter links routed', async () => {
    const doc = PRESETS.find((p) => p.id === 'ttl-dlx')!.doc;
    const layout = await layoutOf(doc);
    const b = boxes(doc, layout);
    const id = (kind: NodeKind, name: string) => doc.nodes.find((n) => n.kind === kind && n.kind !== 'note' && n.config.name === name)!.id;
    const [work, workQ, worker] = [b.get(id('exchange', 'work'))!, b.get(id('queue', 'work'))!, b.get(id('consumer', 'worker'))!];
    const [retry, wait] = [b.get(id('exchange', 'retry'))!, b.get(id('queue', 'work.retry-3s'))!];
    const pathBottom = Math.max(work.y + work.height, workQ.y + workQ.height, worker.y + worker.height);
    for (const n of [retry, wait]) expect(n.y).toBeGreaterThan(pathBottom);
    // The loop reads left to right under the path: retry, then its waiting queue; neither left of the exchange it returns to.
    expect(retry.x).toBeGreaterThan(work.x);
    expect(wait.x).toBeGreaterThan(retry.x);
    // Its way back is short: no wider than the path it hangs under.
    const right = Math.max(...[...b.values()].map((n) => n.x + n.width));
    expect(wait.x + wait.width).toBeLessThanOrEqual(right);
    expect(layout.routes[`dlx:${id('queue', 'work')}`]?.label).toBeDefined();
    expect(layout.routes[`dlx:${id('queue', 'work.retry-3s')}`]?.label).toBeDefined();
  });
});

// Regression: ELK's side ports sat 12 px off the handles, so these edges fell back to stepped paths.
describe('dead-letter and alternate-exchange links', () => {
  const sides = PRESETS.filter((p) => layoutEdges(p.doc).some((e) => e.kind === 'side')).map((p) => [p.id, p.doc] as const);
  it.each(sides)('%s: each route starts at the source side handle and ends at the target side handle', async (_, doc) => {
    const layout = await layoutOf(doc);
    const b = boxes(doc, layout);
    const side = Object.entries(layout.routes).filter(([id]) => id.startsWith('dlx:') || id.startsWith('ae:'));
    for (const [id, r] of side) {
      const [source, target] = [id.slice(id.indexOf(':') + 1), edgeTarget(doc, id)];
      const [s, t] = [b.get(source)!, b.get(target)!];
      expect(r.points[0], `${id} start`).toEqual({ x: s.x + s.width / 2 + SIDE_PORT_OFFSET, y: s.y + s.height });
      expect(r.points.at(-1), `${id} end`).toEqual({ x: t.x + t.width / 2 - SIDE_PORT_OFFSET, y: t.y + t.height });
    }
  });

  it('are routed by ELK in the presets that have them outside a retry loop', async () => {
    const ids = ['alternate-exchange', 'delivery-limit', 'max-length'];
    for (const id of ids) {
      const layout = await layoutOf(PRESETS.find((p) => p.id === id)!.doc);
      expect(Object.keys(layout.routes).some((r) => r.startsWith('dlx:') || r.startsWith('ae:')), id).toBe(true);
    }
  });
});

/** The exchange a derived side edge goes to, found the way layoutEdges finds it. */
function edgeTarget(doc: ScenarioDocument, id: string): string {
  return layoutEdges(doc).find((e) => e.id === id)!.target;
}
