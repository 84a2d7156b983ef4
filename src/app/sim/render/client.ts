/**
 * The page's side of the message layer's renderer: a canvas handed to the render worker where the
 * browser allows it (OffscreenCanvas), the same renderer on the page where it does not, or when
 * the page is opened with `?worker=0` (no workers at all).
 */
import { startRenderHost } from './host';
import type { RenderCommand, RenderReply } from './protocol';

type Stats = Extract<RenderReply, { type: 'stats' }>;

export interface RenderLayer {
  readonly canvas: HTMLCanvasElement;
  readonly offMainThread: boolean;
  send(cmd: RenderCommand, transfer?: Transferable[]): void;
  /** The message drawn nearest to a flow point, within `radius` flow units. */
  hit(x: number, y: number, radius: number): Promise<number | null>;
  onStats(listener: (s: Stats) => void): void;
  close(): void;
}

const workersAllowed = () => typeof location === 'undefined' || new URLSearchParams(location.search).get('worker') !== '0';

/** Makes a canvas for the message layer and starts drawing on it. */
export function openRenderLayer(): RenderLayer {
  const canvas = document.createElement('canvas');
  const waiting = new Map<number, (id: number | null) => void>();
  let nextRequest = 1;
  let statsListener: ((s: Stats) => void) | null = null;
  const receive = (r: RenderReply) => {
    if (r.type === 'stats') statsListener?.(r);
    else {
      waiting.get(r.requestId)?.(r.id);
      waiting.delete(r.requestId);
    }
  };

  let send: RenderLayer['send'];
  let close: () => void;
  let offMainThread = false;
  if (typeof Worker !== 'undefined' && typeof canvas.transferControlToOffscreen === 'function' && workersAllowed()) {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'warren-render' });
    worker.onmessage = (ev: MessageEvent<RenderReply>) => receive(ev.data);
    const offscreen = canvas.transferControlToOffscreen();
    worker.postMessage({ type: 'canvas', canvas: offscreen } satisfies RenderCommand, [offscreen]);
    send = (cmd, transfer) => worker.postMessage(cmd, transfer ?? []);
    close = () => worker.terminate();
    offMainThread = true;
  } else {
    const host = startRenderHost(receive, false, canvas);
    send = (cmd) => host.handle(cmd);
    close = () => host.stop();
  }

  return {
    canvas,
    offMainThread,
    send,
    hit(x, y, radius) {
      const requestId = nextRequest++;
      return new Promise((resolve) => {
        waiting.set(requestId, resolve);
        send({ type: 'hit', requestId, x, y, radius });
      });
    },
    onStats(listener) {
      statsListener = listener;
    },
    close() {
      close();
      for (const resolve of waiting.values()) resolve(null);
      waiting.clear();
    },
  };
}
