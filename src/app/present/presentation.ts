/**
 * Enter and leave presentation mode. Full screen is asked for where the browser allows it (it
 * needs a user gesture); leaving full screen with the browser's own Esc leaves the mode too.
 */
import { getFlow } from '../canvas/flowApi';
import { lessonStore, currentLesson } from '../lessons/store';
import { presentStore } from './store';

/** Fit with a generous zoom once the chrome is gone and the canvas has its new size. */
function fitLarge(): void {
  setTimeout(() => void getFlow()?.fitView({ padding: 0.1, maxZoom: 2, duration: 250 }), 300);
}

let wentFullscreen = false;

function onFullscreenChange(): void {
  if (!document.fullscreenElement && wentFullscreen) {
    wentFullscreen = false;
    leavePresentation();
  }
}

export function enterPresentation(): void {
  if (presentStore.getState().presenting) return;
  presentStore.setState({ presenting: true });
  document.documentElement.dataset.presenting = '';
  if (currentLesson()?.steps.length) lessonStore.setState({ open: true });
  const el = document.documentElement;
  if (el.requestFullscreen && !document.fullscreenElement) {
    el.requestFullscreen({ navigationUI: 'hide' }).then(
      () => {
        wentFullscreen = true;
        document.addEventListener('fullscreenchange', onFullscreenChange);
      },
      () => {
        // Not allowed here (no gesture, an iframe without allowfullscreen): present in the window.
      },
    );
  }
  fitLarge();
}

export function leavePresentation(): void {
  if (!presentStore.getState().presenting) return;
  presentStore.setState({ presenting: false });
  delete document.documentElement.dataset.presenting;
  document.removeEventListener('fullscreenchange', onFullscreenChange);
  if (document.fullscreenElement && wentFullscreen) void document.exitFullscreen().catch(() => {});
  wentFullscreen = false;
  setTimeout(() => void getFlow()?.fitView({ padding: 0.15, maxZoom: 1.25, duration: 200 }), 80);
}

export const togglePresentation = (): void => (presentStore.getState().presenting ? leavePresentation() : enterPresentation());
