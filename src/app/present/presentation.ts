/**
 * Enter and leave presentation mode. Full screen is asked for where the browser allows it (it
 * needs a user gesture); leaving full screen with the browser's own Esc leaves the mode too.
 */
import { fitContent } from '../actions/fitView';
import { lessonStore, currentLesson } from '../lessons/store';
import { presentStore } from './store';
import { uiStore } from '../../store/ui';

/** Fit with a generous zoom once the chrome is gone and the canvas has its new size. */
function fitLarge(): void {
  setTimeout(() => fitContent(250, 2), 300);
}

let wentFullscreen = false;
/** Whether the log was open before presenting: it folds away so the canvas gets the screen. */
let logWasOpen = false;

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
  logWasOpen = uiStore.getState().bottomOpen;
  uiStore.setState({ bottomOpen: false });
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
  if (logWasOpen) uiStore.setState({ bottomOpen: true });
  document.removeEventListener('fullscreenchange', onFullscreenChange);
  if (document.fullscreenElement && wentFullscreen) void document.exitFullscreen().catch(() => {});
  wentFullscreen = false;
  setTimeout(() => fitContent(), 80);
}

export const togglePresentation = (): void => (presentStore.getState().presenting ? leavePresentation() : enterPresentation());
