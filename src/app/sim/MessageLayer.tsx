/**
 * One canvas over the flow that draws every message in motion. It follows the viewport's pan
 * and zoom, redraws once per animation frame from the flight tracker, and never renders a React
 * component per message.
 */
import { useStoreApi } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { documentStore } from '../../store/document';
import { simulationStore } from '../../store/simulation';
import { uiStore } from '../../store/ui';
import { simulation } from './bridge';
import { MarkLayer, type NodeBox } from './draw';
import { lagOf } from '../../worker/flights';
import { MotionView } from '../../worker/motion';
import { messageLayerHandle } from './layerHandle';

/** How quickly the drawn time catches up with a step, in wall ms. */
const CATCH_UP_MS = 250;

export const MessageLayer = memo(function MessageLayer() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const initial = simulationStore.getState();
    // The worker turns the trace into flights (worker/motion.ts); this keeps what is being drawn.
    const tracker = new MotionView();
    let latestT = 0;
    let playing = false;
    let drawnT = 0;
    let generation = initial.generation;
    let lastWall = 0;
    /** Trace events received since the layer mounted (the UI benchmark reads it as data-events). */
    let received = 0;

    const offFrame = simulation().onFrame((frame) => {
      const sim = simulationStore.getState();
      if (sim.generation !== generation) {
        generation = sim.generation;
        tracker.clear();
        drawnT = 0;
      }
      if (frame.motion) tracker.apply(frame.motion);
      received += frame.eventCount;
      latestT = frame.t;
      playing = frame.playing;
    });

    const boxes = new Map<string, NodeBox>();
    const boxOf = (id: string): NodeBox | undefined => {
      let b = boxes.get(id);
      if (b) return b;
      const n = flow.getState().nodeLookup.get(id);
      if (!n) return undefined;
      const p = n.internals.positionAbsolute;
      b = { x: p.x, y: p.y, w: n.measured.width ?? 0, h: n.measured.height ?? 0 };
      boxes.set(id, b);
      return b;
    };

    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const { width, height } = canvas.getBoundingClientRect();
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
    };
    const marks = new MarkLayer();
    const view = { x: 0, y: 0, zoom: 1, dpr: 1 };
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    resize();

    let raf = 0;
    const draw = (wall: number) => {
      raf = requestAnimationFrame(draw);
      const dt = lastWall ? wall - lastWall : 16;
      lastWall = wall;
      const target = playing ? latestT - lagOf(documentStore.getState().doc.settings.latency) : latestT;
      // While playing, time flows with the frames; after a step, glide to the new instant.
      drawnT = playing || target < drawnT ? target : drawnT + (target - drawnT) * Math.min(1, dt / CATCH_UP_MS);
      if (!playing && Math.abs(target - drawnT) < 0.5) drawnT = target;
      tracker.prune(drawnT - 1);
      boxes.clear();
      const [x, y, zoom] = flow.getState().transform;
      view.x = x;
      view.y = y;
      view.zoom = zoom;
      view.dpr = window.devicePixelRatio || 1;
      const moving = marks.draw(ctx, tracker, boxOf, drawnT, uiStore.getState().theme === 'dark', view);
      canvas.dataset.inFlight = String(moving);
      canvas.dataset.parked = String(tracker.parkedAt(drawnT));
      canvas.dataset.events = String(received);
      canvas.dataset.t = String(Math.round(drawnT));
    };
    raf = requestAnimationFrame(draw);
    messageLayerHandle.current = { tracker, boxOf, time: () => drawnT };

    return () => {
      cancelAnimationFrame(raf);
      observer.disconnect();
      offFrame();
      messageLayerHandle.current = null;
    };
  }, [flow]);

  return (
    <canvas
      ref={canvasRef}
      data-testid="message-layer"
      aria-hidden="true"
      className="pointer-events-none absolute inset-0 z-[4] h-full w-full"
    />
  );
});
