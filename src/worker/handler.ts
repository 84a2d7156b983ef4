/**
 * Command handling shared by the Web Worker and the main-thread fallback: commands run one at a
 * time, in order, against the current Simulation; replies go out through `post`.
 */
import { shareable } from '../engine';
import type { ScenarioDocument } from '../scenario/schema';
import type { Command, Reply } from './protocol';
import { FrameEncoder, type SentReply } from './frame-delta';
import { Simulation } from './simulation';
import { explainMessage } from './explain';
import { LogGate } from './log-gate';
import { MotionOutlet } from './motion-port';

/** Largest slice of virtual time one tick may run, so a stalled tab does not jump minutes ahead. */
const MAX_TICK_WALL_MS = 100;

/** Wall clock for programs' turn budgets (programs/runtime.ts); never simulation time. */
const wall = shareable(() => (typeof performance === 'undefined' ? 0 : performance.now()));

/**
 * `beforeProgram` runs once, before the first program of this handler runs (the worker locks its
 * realm down there: programs/lockdown.ts).
 */
export function createHandler(sendReply: (reply: SentReply) => void, beforeProgram?: () => void): (cmd: Command) => void {
  const gate = new LogGate();
  // Frames go as changes since the previous one (frame-delta.ts), whole at the start of a run.
  const encoder = new FrameEncoder();
  // The motion of each frame goes to the message layer by its own port, when it has one.
  const motion = new MotionOutlet();
  const postReply = (reply: Reply) => sendReply(reply.type === 'frame' ? encoder.encode(motion.take(reply)) : reply);
  /** Runs started so far (protocol.ts Frame.run). */
  let run = 0;
  const stamp = (reply: Reply): Reply => (reply.type === 'frame' || reply.type === 'problem' ? { ...reply, run } : reply);
  // Every frame but a playing tick's brings the log up to date (log-gate.ts).
  const post = (reply: Reply) => postReply(stamp(reply.type === 'frame' ? gate.flush(reply) : reply));
  let sim: Simulation | null = null;
  let doc: ScenarioDocument | null = null;
  let playing = false;
  let speed = 1;
  let chain: Promise<void> = Promise.resolve();

  const rebuild = async () => {
    if (!doc) return;
    gate.reset();
    encoder.reset();
    motion.newRun(doc.settings.latency);
    try {
      sim = await Simulation.create(doc, wall);
    } catch (e) {
      sim = null;
      post({ type: 'problem', message: `The simulation could not start: ${(e as Error).message}` });
      return;
    }
    sim.playing = playing;
    sim.speed = speed;
    post(sim.frame());
  };

  const handle = async (cmd: Command): Promise<void> => {
    switch (cmd.type) {
      case 'load':
        run++;
        doc = cmd.doc;
        speed = cmd.doc.settings.speed;
        return rebuild();
      case 'reset':
        run++;
        playing = false;
        return rebuild();
      case 'seed':
        run++;
        if (doc) doc = { ...doc, seed: cmd.seed };
        return rebuild();
      case 'motion-port':
        motion.connect(cmd.port);
        return;
      case 'resync':
        encoder.reset();
        if (sim) post(sim.frame());
        return;
      case 'speed':
        speed = Math.min(100, Math.max(0.1, cmd.speed));
        if (sim) sim.speed = speed;
        return;
      case 'play':
      case 'pause':
        playing = cmd.type === 'play';
        if (sim) {
          sim.playing = playing;
          post(sim.frame());
        }
        return;
      default:
        break;
    }
    if (!sim) return;
    const s = sim;
    s.programs.beginTurn();
    try {
      switch (cmd.type) {
        case 'tick':
          if (playing) await s.advance(Math.min(cmd.wallMs, MAX_TICK_WALL_MS) * speed);
          postReply(stamp(gate.pass(s.frame(), cmd.wallMs)));
          return;
        case 'step': {
          playing = false;
          s.playing = false;
          const e = await s.step();
          post(s.frame(e));
          return;
        }
        case 'publish':
          s.publish(cmd.producer, cmd.overrides);
          await s.advance(0);
          return;
        case 'producer':
          s.producerAction(cmd.producer, cmd.action);
          return;
        case 'consumer':
          await s.consumerAction(cmd.consumer, cmd.action);
          await s.advance(0);
          return;
        case 'purge':
          await s.purge(cmd.queue);
          await s.advance(0);
          return;
        case 'explain':
          post(explainMessage(s, cmd.requestId, cmd.messageId));
          return;
        case 'peek':
          post({ type: 'queue-contents', requestId: cmd.requestId, queue: cmd.queue, t: s.broker.now(), contents: s.peekQueue(cmd.queue) });
          return;
        case 'management': {
          // Answered when the broker has answered (its calls take virtual time: a paused run answers on Play).
          const { requestId } = cmd;
          void s.management.run(cmd).then((result) => postReply({ type: 'management', requestId, result }));
          await s.advance(0);
          post(s.frame());
          return;
        }
        case 'broker': // broker hook (admin-commands.ts)
          await s.control.command(cmd);
          await s.advance(0);
          post(s.frame());
          return;
        case 'program': // code hook (programs/runtime.ts)
          if (cmd.action === 'run') {
            if (beforeProgram) {
              beforeProgram();
              beforeProgram = undefined;
            }
            s.programs.run(cmd.program);
          } else s.programs.stop(cmd.id);
          await s.advance(0);
          post(s.frame());
          return;
        case 'cluster': // cluster hook (cluster-setup.ts)
          await s.cluster.command(cmd.action, cmd.node);
          await s.advance(0);
          return;
      }
    } catch (e) {
      playing = false;
      s.playing = false;
      post({ type: 'problem', message: `The simulation stopped: ${(e as Error).message}` });
    }
  };

  return (cmd) => {
    chain = chain.then(() => handle(cmd));
  };
}
