import { describe, expect, it } from 'vitest';
import { importDefinitions } from '../../scenario/definitions-import';
import realBroker from '../../scenario/fixtures/real-broker.definitions.json';
import { DEFAULT_SIZE } from '../editing/nodeSizes';
import { layoutImported } from './layoutImported';
import { messageText } from '../../scenario/messages';

describe('layoutImported', () => {
  it('lays each vhost out in its own band, under its note, with no two nodes overlapping', async () => {
    const r = await importDefinitions(realBroker);
    if (!r.ok) throw new Error(messageText(r.error));
    const doc = await layoutImported(r.doc);
    const box = (n: (typeof doc.nodes)[number]) => ({ ...n.position, w: DEFAULT_SIZE[n.kind].width, h: DEFAULT_SIZE[n.kind].height });
    const boxes = doc.nodes.map(box);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        expect(apart, `${doc.nodes[i].id} and ${doc.nodes[j].id} overlap`).toBe(true);
      }
    }
    for (const note of doc.nodes.filter((n) => n.kind === 'note')) {
      const vhost = note.kind === 'note' ? note.config.text.replace(/^vhost /, '') : '';
      const members = doc.nodes.filter((n) => (n.kind === 'queue' || n.kind === 'exchange') && n.config.vhost === vhost);
      expect(Math.min(...members.map((n) => n.position.y))).toBeGreaterThan(note.position.y);
    }
  });
});
