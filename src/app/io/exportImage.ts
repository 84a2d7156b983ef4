/**
 * The canvas as PNG or SVG, drawn by html-to-image from React Flow's viewport element, framed on
 * all nodes (React Flow's download-image example). The message layer is left out.
 */
import { getNodesBounds, getViewportForBounds } from '@xyflow/react';
import i18n from '../i18n';
import { scenarioFileName } from '../../scenario/file';
import { getDoc } from '../../store/document';
import { notify, uiStore } from '../../store/ui';
import { getFlow } from '../canvas/flowApi';
import { downloadUrl, stem } from './download';

const PADDING = 0.08;

export async function exportImage(format: 'png' | 'svg'): Promise<void> {
  const flow = getFlow();
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  const nodes = flow?.getNodes() ?? [];
  if (!flow || !viewport || !nodes.length) {
    notify('info', i18n.t('io:imageEmpty'));
    return;
  }
  const bounds = getNodesBounds(nodes);
  const scale = 2;
  const width = Math.min(4000, Math.max(640, Math.round(bounds.width * 1.15)));
  const height = Math.min(4000, Math.max(360, Math.round(bounds.height * 1.15)));
  const v = getViewportForBounds(bounds, width, height, 0.2, 2, PADDING);
  const dark = uiStore.getState().theme === 'dark';
  const options = {
    backgroundColor: dark ? '#09090b' : '#ffffff',
    width,
    height,
    pixelRatio: format === 'png' ? scale : 1,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})` },
    filter: (el: HTMLElement) => !(el instanceof HTMLCanvasElement) && !el.classList?.contains('react-flow__handle'),
  };
  try {
    const { toPng, toSvg } = await import('html-to-image');
    const url = format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
    downloadUrl(url, `${stem(scenarioFileName(getDoc()))}.${format}`);
  } catch (e) {
    notify('error', i18n.t('io:imageFailed', { error: (e as Error).message ?? String(e) }));
  }
}
