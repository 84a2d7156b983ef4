/**
 * The page's side of the message layer's renderer: a canvas handed to the render worker where the
 * browser allows it (OffscreenCanvas), the same renderer on the page where it does not, when the
 * page is opened with `?worker=0` (no workers at all), or when the render worker fails (the layer
 * then starts again on the page with a fresh canvas: marks come back as the run sends new motion;
 * those already on their way, or parked at consumers, are not drawn again).
 */
import i18n from '../../i18n';
import { notify } from '../../../store/ui';
import { workersAllowed } from '../workersAllowed';
import { workerName } from '../workerName';
import type { RenderHost } from './host';
import type { RenderCommand, RenderReply } from './protocol';

type Stats = Extract<RenderReply, { type: 'stats' }>;

export interface RenderLayer {
  /** The canvas drawn on now (a fresh one if the worker failed). */
  readonly canvas: HTMLCanvasElement;
  send(cmd: RenderCommand, transfer?: Transferable[]): void;
  /** The message drawn nearest to a flow point, within `radius` flow units. */
  hit(x: number, y: number, radius: number): Promise<number | null>;
  /**
   * A new channel to the renderer: its other end is for the simulation, which sends the motion
   * through it (worker/motion-port.ts). The renderer listens to the newest channel only.
   */
  motionPort(): MessagePort;
  /** Told when the renderer started over (its worker failed): it needs a new motion port. */
  onRestart(listener: () => void): void;
  onStats(listener: (s: Stats, canvas: HTMLCanvasElement) => void): void;
  close(): void;
}

interface Backend {
  send(cmd: RenderCommand, transfer?: Transferable[]): void;
  close(): void;
  offMainThread: boolean;
}

/**
 * The render worker answers with stats ten times a second while the page is visible: this long
 * without a word (the page visible all along) means it hangs.
 */
export const RENDER_STALL_MS = 5000;

/** Commands that set the scene rather than move it: replayed to a renderer that starts over. */
const SCENE: ReadonlySet<RenderCommand['type']> = new Set(['size', 'view', 'boxes', 'theme']);

function makeCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = 'message-layer';
  canvas.setAttribute('aria-hidden', 'true');
  canvas.className = 'absolute inset-0 h-full w-full';
  return canvas;
}

/** Makes a canvas for the message layer inside `host` and starts drawing on it. */
export function openRenderLayer(host: HTMLElement): RenderLayer {
  const waiting = new Map<number, (id: number | null) => void>();
  const scene = new Map<RenderCommand['type'], RenderCommand>();
  let nextRequest = 1;
  let statsListener: ((s: Stats, canvas: HTMLCanvasElement) => void) | null = null;
  let restartListener: (() => void) | null = null;
  let canvas = makeCanvas();
  host.appendChild(canvas);

  let lastHeard = performance.now();
  const receive = (r: RenderReply) => {
    lastHeard = performance.now();
    if (r.type === 'stats') statsListener?.(r, canvas);
    else {
      waiting.get(r.requestId)?.(r.id);
      waiting.delete(r.requestId);
    }
  };
  const settleHits = () => {
    for (const resolve of waiting.values()) resolve(null);
    waiting.clear();
  };

  // Only where a canvas cannot move to a worker: the renderer then loads with its first use, not
  // with the page (commands wait for it, in order).
  const onPage = (): Backend => {
    let host: RenderHost | null = null;
    let closed = false;
    const queued: RenderCommand[] = [];
    void import('./host').then(({ startRenderHost }) => {
      if (closed) return;
      host = startRenderHost(receive, canvas);
      for (const cmd of queued.splice(0)) host.handle(cmd);
    });
    return {
      send: (cmd) => (host ? host.handle(cmd) : void queued.push(cmd)),
      close: () => {
        closed = true;
        host?.stop();
      },
      offMainThread: false,
    };
  };

  const inWorker = (): Backend => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: workerName('warren-render') });
    worker.onmessage = (ev: MessageEvent<RenderReply>) => receive(ev.data);
    worker.onerror = (ev) => {
      ev.preventDefault();
      console.warn(`The message layer's worker failed (${ev.message}); starting it again.`);
      startOver();
    };
    const offscreen = canvas.transferControlToOffscreen();
    worker.postMessage({ type: 'canvas', canvas: offscreen } satisfies RenderCommand, [offscreen]);
    return { send: (cmd, transfer) => worker.postMessage(cmd, transfer ?? []), close: () => worker.terminate(), offMainThread: true };
  };

  let backend: Backend =
    workersAllowed() && typeof canvas.transferControlToOffscreen === 'function' ? inWorker() : onPage();
  canvas.dataset.offMainThread = String(backend.offMainThread);

  /**
   * The worker failed or stopped answering. A canvas handed to a worker cannot be taken back: a
   * fresh one, in a new worker the first time, on the page if the worker fails again.
   */
  let restarts = 0;
  function startOver(): void {
    backend.close();
    settleHits();
    const fresh = makeCanvas();
    canvas.replaceWith(fresh);
    canvas = fresh;
    restarts++;
    backend = restarts === 1 ? inWorker() : onPage();
    canvas.dataset.offMainThread = String(backend.offMainThread);
    lastHeard = performance.now();
    for (const cmd of scene.values()) backend.send(cmd);
    restartListener?.();
    notify('error', i18n.t(backend.offMainThread ? 'simulation:watchdog.renderRestarted' : 'simulation:watchdog.renderOnPage'));
  }

  // Checked once a second; a hidden page draws nothing, so silence then says nothing.
  const onVisible = () => (lastHeard = performance.now());
  document.addEventListener('visibilitychange', onVisible);
  const watch = setInterval(() => {
    if (backend.offMainThread && document.visibilityState === 'visible' && performance.now() - lastHeard > RENDER_STALL_MS) startOver();
  }, 1000);

  const send = (cmd: RenderCommand, transfer?: Transferable[]) => {
    if (SCENE.has(cmd.type)) scene.set(cmd.type, cmd);
    backend.send(cmd, transfer);
  };

  return {
    get canvas() {
      return canvas;
    },
    send,
    hit(x, y, radius) {
      const requestId = nextRequest++;
      return new Promise((resolve) => {
        waiting.set(requestId, resolve);
        send({ type: 'hit', requestId, x, y, radius });
      });
    },
    motionPort() {
      const channel = new MessageChannel();
      backend.send({ type: 'port', port: channel.port2 }, [channel.port2]);
      return channel.port1;
    },
    onRestart(listener) {
      restartListener = listener;
    },
    onStats(listener) {
      statsListener = listener;
    },
    close() {
      clearInterval(watch);
      document.removeEventListener('visibilitychange', onVisible);
      backend.close();
      settleHits();
      canvas.remove();
    },
  };
}
