/**
 * One canvas over the flow that draws every message in motion. It follows the viewport's pan
 * and zoom and never renders a React component per message. The drawing itself runs in a render
 * worker where the browser allows (render/client.ts), which gets each engine frame's motion straight
 * from the simulation (worker/motion-port.ts); the page sends it only the node boxes and the view,
 * so neither a React refresh nor the frames' traffic costs the animation a frame.
 */
import { useStoreApi } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import { uiStore } from '../../store/ui';
import { simulation } from './bridge';
import { messageLayerHandle } from './layerHandle';
import { openRenderLayer } from './render/client';
import { boxesOf, sameBoxes, type Boxes } from './nodeBoxes';

type FlowState = ReturnType<ReturnType<typeof useStoreApi>['getState']>;

export const MessageLayer = memo(function MessageLayer() {
  const hostRef = useRef<HTMLDivElement>(null);
  const flow = useStoreApi();

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    // A canvas per mount: once handed to a worker, a canvas cannot be handed over again.
    const layer = openRenderLayer(host);

    // The simulation sends each frame's motion to the renderer by a port of its own, never through
    // this thread; a renderer that starts over gets a new one.
    const motionSource = () => layer.motionPort();
    simulation().motionTo(motionSource);
    layer.onRestart(() => simulation().motionTo(motionSource));

    let view = [NaN, NaN, NaN];
    let boxes: Boxes = { ids: [], boxes: new Float64Array(0) };
    const follow = (state: FlowState) => {
      const [x, y, zoom] = state.transform;
      if (x !== view[0] || y !== view[1] || zoom !== view[2]) {
        view = [x, y, zoom];
        layer.send({ type: 'view', x, y, zoom });
      }
      const next = boxesOf(state);
      if (!sameBoxes(next, boxes)) {
        boxes = next;
        layer.send({ type: 'boxes', ids: next.ids, boxes: next.boxes });
      }
    };
    follow(flow.getState());
    const offFlow = flow.subscribe(follow);

    const theme = () => layer.send({ type: 'theme', dark: uiStore.getState().theme === 'dark' });
    theme();
    const offTheme = uiStore.subscribe((s, prev) => s.theme !== prev.theme && theme());

    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const { width, height } = host.getBoundingClientRect();
      layer.send({ type: 'size', width: Math.max(1, Math.round(width * dpr)), height: Math.max(1, Math.round(height * dpr)), dpr });
    };
    const observer = new ResizeObserver(resize);
    observer.observe(host);
    resize();
    // A move to a screen of another pixel density changes no size: watch the density itself.
    let density: MediaQueryList | null = null;
    const onDensity = () => {
      resize();
      watchDensity();
    };
    const watchDensity = () => {
      density?.removeEventListener('change', onDensity);
      density = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      density.addEventListener('change', onDensity);
    };
    watchDensity();

    layer.onStats((s, canvas) => {
      canvas.dataset.inFlight = String(s.inFlight);
      canvas.dataset.parked = String(s.parked);
      canvas.dataset.events = String(s.events);
      canvas.dataset.t = String(s.t);
      canvas.dataset.stalled = String(s.stalled);
      // The UI benchmark reads the renderer's frame lengths from here (1 ms bins).
      canvas.dataset.frameBins = s.frameBins.join(',');
    });
    messageLayerHandle.current = { hit: (x, y, radius) => layer.hit(x, y, radius) };

    return () => {
      simulation().motionTo(null);
      offFlow();
      offTheme();
      observer.disconnect();
      density?.removeEventListener('change', onDensity);
      messageLayerHandle.current = null;
      layer.close();
    };
  }, [flow]);

  return <div ref={hostRef} aria-hidden="true" className="pointer-events-none absolute inset-0 z-[4] h-full w-full" />;
});
