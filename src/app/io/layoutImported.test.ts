import { describe, expect, it } from 'vitest';
import { importDefinitions } from '../../scenario/definitions-import';
import realBroker from '../../scenario/fixtures/real-broker.definitions.json';
import { nodeSizeIn } from '../editing/nodeSizes';
import { layoutByVhost } from '../editing/vhostLayout';
import type { Box, Point } from '../editing/autoLayout';
import { layoutImported } from './layoutImported';
import { messageText } from '../../scenario/messages';

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const segment = (a: Point, b: Point): Box => ({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) || 0.01, height: Math.abs(a.y - b.y) || 0.01 });
const shrink = (b: Box, by: number): Box => ({ x: b.x + by, y: b.y + by, width: b.width - 2 * by, height: b.height - 2 * by });

async function imported() {
  const r = await importDefinitions(realBroker);
  if (!r.ok) throw new Error(messageText(r.error));
  return layoutImported(r.doc);
}

describe('layoutImported', () => {
  it('lays each vhost out in its own band, under its note, with no two nodes overlapping', async () => {
    const doc = await imported();
    const boxes = doc.nodes.map((n) => ({ ...n.position, ...nodeSizeIn(doc, n) }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${doc.nodes[i].id} and ${doc.nodes[j].id} overlap`).toBe(false);
    for (const note of doc.nodes.filter((n) => n.kind === 'note')) {
      const vhost = note.kind === 'note' ? note.config.text.replace(/^vhost /, '') : '';
      const members = doc.nodes.filter((n) => (n.kind === 'queue' || n.kind === 'exchange') && n.config.vhost === vhost);
      expect(Math.min(...members.map((n) => n.position.y))).toBeGreaterThan(note.position.y);
    }
  });

  // The canvas draws ELK's routes only when the layout it finds for the document is where the nodes are.
  it('is the layout the canvas finds again, with every edge routed clear of nodes and labels clear of each other', async () => {
    const doc = await imported();
    const layout = await layoutByVhost(doc);
    for (const m of layout.moves) expect(doc.nodes.find((n) => n.id === m.id)!.position, m.id).toEqual({ x: m.x, y: m.y });
    for (const e of doc.edges) expect(layout.routes[e.id], `route of ${e.id}`).toBeDefined();
    const nodes = doc.nodes.map((n) => [n.id, { ...n.position, ...nodeSizeIn(doc, n) }] as const);
    const labels = Object.entries(layout.routes).flatMap(([id, r]) => (r.label ? [[id, r.label] as const] : []));
    for (const [id, l] of labels) {
      for (const [other, m] of labels) if (other !== id) expect(overlap(l, m), `${id} label on ${other} label`).toBe(false);
      for (const [n, b] of nodes) expect(overlap(l, b), `${id} label on node ${n}`).toBe(false);
    }
    for (const [id, r] of Object.entries(layout.routes))
      for (let i = 1; i < r.points.length; i++)
        for (const [n, b] of nodes) expect(overlap(segment(r.points[i - 1], r.points[i]), shrink(b, 1)), `edge ${id} under node ${n}`).toBe(false);
  });
});
