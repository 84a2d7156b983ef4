/**
 * Test and benchmark support: an AgentHost on a broker's virtual time and seeded PRNG, built the
 * way the simulation builds one (src/worker/simulation.ts), and the channel cast agents take.
 */
import type { Broker } from '../broker';
import type { Channel } from '../client/channel';
import type { Timer } from '../kernel/clock';
import type { AgentChannel, AgentHost } from '../agents/host';

export function brokerHost(broker: Broker): AgentHost {
  const timers = new Map<number, Timer>();
  let next = 1;
  return {
    now: () => broker.now(),
    random: () => broker.prng.next(),
    setTimer: (ms, fn) => {
      const h = next++;
      timers.set(
        h,
        broker.setTimer(ms, () => {
          timers.delete(h);
          fn();
        }),
      );
      return h;
    },
    cancelTimer: (h) => {
      broker.clearTimer(timers.get(h));
      timers.delete(h);
    },
  };
}

/** The engine's Channel as the slice of the API agents use. */
export function agentChannel(ch: Channel): AgentChannel {
  return ch as unknown as AgentChannel;
}
