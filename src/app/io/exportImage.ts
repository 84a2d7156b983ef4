/**
 * The canvas as PNG or SVG, framed on everything drawn (nodes, edges, labels). Both are made from
 * one SVG of real shapes and text (canvasSvg.ts): the SVG is small and editable in a vector tool,
 * and the PNG is that SVG drawn at 2x pixel density. The message layer is left out.
 */
import i18n from '../i18n';
import { scenarioFileName } from '../../scenario/file';
import { getDoc } from '../../store/document';
import { notify, uiStore } from '../../store/ui';
import { getFlow } from '../canvas/flowApi';
import { contentBounds } from '../actions/fitView';
import { downloadBlob, downloadUrl, stem } from './download';

const MARGIN = 24;
const PNG_SCALE = 2;

export async function exportImage(format: 'png' | 'svg'): Promise<void> {
  const flow = getFlow();
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  const bounds = contentBounds();
  if (!flow || !viewport || !bounds) {
    notify('info', i18n.t('io:imageEmpty'));
    return;
  }
  const frame = { x: bounds.x - MARGIN, y: bounds.y - MARGIN, width: bounds.width + 2 * MARGIN, height: bounds.height + 2 * MARGIN };
  const dark = uiStore.getState().theme === 'dark';
  try {
    const { canvasSvg, svgToPng } = await import('./canvasSvg');
    const svg = canvasSvg(viewport, flow.getViewport(), frame, dark ? '#09090b' : '#ffffff');
    const name = `${stem(scenarioFileName(getDoc()))}.${format}`;
    if (format === 'svg') downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), name);
    else downloadUrl(await svgToPng(svg, frame.width, frame.height, PNG_SCALE), name);
  } catch (e) {
    notify('error', i18n.t('io:imageFailed', { error: (e as Error).message ?? String(e) }));
  }
}
