import { describe, expect, it } from 'vitest';
import { importDefinitions } from '../scenario/definitions-import';
import realBroker from '../scenario/fixtures/real-broker.definitions.json';
import { Simulation } from './simulation';
import { messageText } from '../scenario/messages';

describe('a real broker\'s definitions, imported', () => {
  it('declares every imported node in its vhost, even where guest has no permissions (as import_definitions does)', async () => {
    const r = await importDefinitions(realBroker);
    if (!r.ok) throw new Error(messageText(r.error));
    const sim = await Simulation.create(r.doc);
    await sim.advance(100);
    const f = sim.frame();
    expect(f.broker?.problems).toEqual([]);
    const entities = r.doc.nodes.filter((n) => n.kind === 'queue' || n.kind === 'exchange');
    expect(entities.length).toBeGreaterThan(10);
    for (const n of entities) expect({ node: n.id, error: f.counters[n.id]?.error }).toEqual({ node: n.id, error: undefined });
    // guest's own permissions are what the file says afterwards: '/' only.
    expect(sim.broker.admin.permissions().filter((p) => p.user === 'guest').map((p) => p.vhost)).toEqual(['/']);
  });
});
