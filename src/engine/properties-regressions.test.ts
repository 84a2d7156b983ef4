/**
 * Counterexamples the property tests found (shrunk by fast-check), kept as fixed cases.
 */
import { describe, expect, it } from 'vitest';
import { checkRun } from './testing/model';
import { runScenario, type Scenario } from './testing/scenario';

const zero = { publish: 0, route: 0, deliver: 0, ack: 0 };

async function violations(sc: Scenario) {
  return checkRun(sc, await runScenario(sc)).violations;
}

describe('property-test regressions', () => {
  it('basic.get traces its delivery before expiring the message behind it', async () => {
    const sc: Scenario = {
      seed: 0,
      topology: { latency: zero, exchanges: [], queues: [{ name: 'q0', dlx: 'x0', maxPriority: 0 }], bindings: [], channels: [{ confirm: false }] },
      ops: [
        { op: 'publish', ch: 0, x: 0, key: 'a', mandatory: false, size: 0 },
        { op: 'publish', ch: 0, x: 0, key: 'a', expiration: '0', mandatory: false, size: 0 },
        { op: 'get', ch: 0, q: 0, noAck: false },
      ],
    };
    expect(await violations(sc)).toEqual([]);
  });

  it('a message dead-lettered back into its own queue by a nack waits behind the older ready ones', async () => {
    const sc: Scenario = {
      seed: 0,
      topology: {
        latency: zero,
        exchanges: [{ name: 'x0', type: 'fanout' }],
        queues: [{ name: 'q0', dlx: 'x0' }],
        bindings: [{ kind: 'queue', source: 'x0', destination: 'q0', key: '' }],
        channels: [{ confirm: false }],
      },
      ops: [
        { op: 'consume', ch: 0, q: 0, noAck: false },
        { op: 'prefetch', ch: 0, count: 1, global: true },
        { op: 'publish', ch: 0, x: 1, key: 'a', mandatory: false, size: 0 },
        { op: 'publish', ch: 0, x: 1, key: 'a', mandatory: false, size: 0 },
        { op: 'advance', ms: 0 },
        { op: 'nackAll', ch: 0, requeue: false },
      ],
    };
    expect(await violations(sc)).toEqual([]);
  });
});
