/**
 * "Check": answer a "which queues receive this key?" step with what the simulation actually did.
 * If the trace has no such message yet, play (faster) until the producer has sent one, then put
 * speed and play state back as they were.
 */
import { simulationStore } from '../../store/simulation';
import { simulation } from '../sim/bridge';
import { routingFromLog, sameSet, type SelectQueuesCheck } from './checks';
import { lessonStore } from './store';

/** Speed used while waiting for the message to be published. */
const CHECK_SPEED = 10;
/** Give up after this much wall time. */
const WAIT_MS = 20_000;

export function runCheck(check: SelectQueuesCheck): void {
  const step = lessonStore.getState().step;
  if (lessonStore.getState().checking) return;
  lessonStore.setState({ checking: true, result: null, timedOut: false });

  const finish = (found: ReturnType<typeof routingFromLog>): void => {
    const s = lessonStore.getState();
    if (s.step !== step) return;
    if (!found) {
      lessonStore.setState({ checking: false, timedOut: true });
      return;
    }
    lessonStore.setState({
      checking: false,
      result: { step, reached: found.queues, unknown: found.unknown, chosen: s.chosen, correct: sameSet(s.chosen, found.queues) && !found.unknown.length },
    });
  };

  const read = () => {
    const sim = simulationStore.getState();
    return routingFromLog(sim.log, sim.map, check);
  };
  const now = read();
  if (now) {
    finish(now);
    return;
  }

  const before = simulationStore.getState();
  const wasPlaying = before.playing;
  const speed = before.speed;
  const sim = simulation();
  if (speed < CHECK_SPEED) sim.command({ type: 'speed', speed: CHECK_SPEED });
  if (!wasPlaying) sim.command({ type: 'play' });

  let timer: ReturnType<typeof setTimeout> | undefined = undefined;
  const stop = (found: ReturnType<typeof routingFromLog>) => {
    unsubscribe();
    clearTimeout(timer);
    if (speed < CHECK_SPEED) sim.command({ type: 'speed', speed });
    if (!wasPlaying) sim.command({ type: 'pause' });
    finish(found);
  };
  const unsubscribe = simulationStore.subscribe(() => {
    const found = read();
    if (found) stop(found);
  });
  timer = setTimeout(() => stop(null), WAIT_MS);
}
