/** Applies one input command to a run, live or replayed (journal.ts): the same code both times. */
import type { InputCommand } from './journal';
import type { ManagementResult } from './management-protocol';
import type { Simulation } from './simulation';

/** `answer` gets a management operation's result, live; a replay passes none. */
export async function applyInput(s: Simulation, cmd: InputCommand, answer?: (requestId: number, result: ManagementResult) => void): Promise<void> {
  switch (cmd.type) {
    case 'management': {
      const { requestId } = cmd;
      const done = s.management.run(cmd);
      if (answer) void done.then((result) => answer(requestId, result));
      return s.advance(0);
    }
    case 'publish':
      s.publish(cmd.producer, cmd.overrides);
      return s.advance(0);
    case 'producer':
      // No advance here: what it schedules now runs with the next tick, before later inputs' events.
      s.producerAction(cmd.producer, cmd.action);
      return;
    case 'consumer':
      await s.consumerAction(cmd.consumer, cmd.action);
      return s.advance(0);
    case 'purge':
      await s.purge(cmd.queue);
      return s.advance(0);
    case 'broker': // broker hook (admin-commands.ts)
      await s.control.command(cmd);
      return s.advance(0);
    case 'program': // code hook (programs/runtime.ts)
      if (cmd.action === 'run') s.programs.run(cmd.program);
      else s.programs.stop(cmd.id);
      return s.advance(0);
    case 'edit': // a live edit (live-edit.ts)
      await s.reconfigure(cmd.doc);
      return s.advance(0);
    case 'cluster': // cluster hook (cluster-setup.ts)
      await s.cluster.command(cmd.action, cmd.node);
      return s.advance(0);
  }
}
