/**
 * The messages in motion, sent straight to the message layer's renderer through a port the page
 * handed over (protocol.ts `motion-port`), rather than in the frames the page unpacks and forwards:
 * the motion of every frame then never crosses the page's main thread, busy with React's refreshes.
 * Without a port (no layer on screen yet, or the page took it back) the motion stays in the frames.
 */
import { lagOf, type Latency } from './flights';
import type { Frame, MotionMessage } from './protocol';

export class MotionOutlet {
  private post: ((m: MotionMessage, transfer: Transferable[]) => void) | null = null;
  private port: MessagePort | null = null;
  private lag = 1;

  /** Whether frames' motion goes to a renderer by its own port (else it stays in the frames). */
  get connected(): boolean {
    return this.post !== null;
  }

  /** A new port (or none): the renderer behind it starts from a clear layer. */
  connect(port: MessagePort | null): void {
    this.port?.close();
    this.port = port;
    // Taken now: a program run later in this worker must not reach the port's prototype (programs/lockdown.ts).
    this.post = port ? port.postMessage.bind(port) : null;
    this.clear();
  }

  /** A new run, with the network latency its marks travel by. */
  newRun(latency: Latency): void {
    this.lag = lagOf(latency);
    this.clear();
  }

  /** Sends the frame's motion to the renderer; the frame goes on without it. Unchanged without a port. */
  take(frame: Frame): Frame {
    if (!this.post) return frame;
    const { motion, ...rest } = frame;
    const m: MotionMessage = { type: 'frame', motion, t: frame.t, playing: frame.playing, speed: frame.speed, eventCount: frame.eventCount, lag: this.lag };
    this.post(m, motion ? [motion.flights.buffer, motion.bursts.buffer, motion.parked.buffer] : []);
    return rest;
  }

  private clear(): void {
    this.post?.({ type: 'clear' }, []);
  }
}
