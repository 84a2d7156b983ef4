import { describe, expect, it } from 'vitest';
import { EngineHost } from './tutorials/engine-host';
import { loadPlays, play, readExpected } from './tutorials/player';

// The six RabbitMQ tutorials as programs of our own (conformance/tutorials/programs), run unchanged on
// the engine through amqplib aliases; their console output must be what they printed on RabbitMQ 3.10.8.
describe('tutorial programs against the engine', async () => {
  const { plays } = await loadPlays();
  it('there are plays for the six tutorials', () => {
    expect(plays.map((p) => p.name)).toEqual(['hello-world', 'work-queues', 'publish-subscribe', 'routing', 'topics', 'rpc']);
  });
  for (const p of plays) {
    it(`${p.name}: prints what it printed on the real broker`, async () => {
      const expected = readExpected(p.name);
      expect(expected, `record it: npm run conformance:real -- --tutorials --record ${p.name}`).not.toBeNull();
      const got = await play(p, new EngineHost(), 60000, 10);
      expect(got).toEqual({ outputs: expected!.outputs, ...(expected!.error ? { error: expected!.error } : {}) });
    });
  }
});
