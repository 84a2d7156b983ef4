/**
 * The canvas as a plain SVG of shapes and text, read from what is on screen: every SVG shape
 * (queue cylinders, exchange hexagons, edges, icons) with its computed paint, every HTML box with
 * a background or border as a rounded rect, every run of text as <text>. Colours come from the
 * computed styles, so the theme's CSS variables and classes are resolved, not lost.
 * Coordinates are the canvas's own (flow) units, whatever the zoom.
 */
const SHAPES = 'path, polygon, polyline, line, rect, circle, ellipse';
const SKIP = '.react-flow__handle, canvas, [data-export-skip]';
const n = (v: number) => Math.round(v * 100) / 100;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const visible = (c: string) => c !== 'none' && c !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(c);

export type Frame = { x: number; y: number; width: number; height: number };
type View = { left: number; top: number; x: number; y: number; zoom: number };

/** Screen point → flow point. */
const toFlow = (v: View, sx: number, sy: number) => ({ x: (sx - v.left - v.x) / v.zoom, y: (sy - v.top - v.y) / v.zoom });

function shape(el: SVGGraphicsElement, v: View): string {
  const m = el.getScreenCTM();
  const cs = getComputedStyle(el);
  if (!m || cs.display === 'none' || cs.visibility === 'hidden') return '';
  const fill = cs.fill;
  const stroke = cs.stroke;
  if (!visible(fill) && !visible(stroke)) return '';
  const matrix = [m.a / v.zoom, m.b / v.zoom, m.c / v.zoom, m.d / v.zoom, (m.e - v.left - v.x) / v.zoom, (m.f - v.top - v.y) / v.zoom].map(n).join(' ');
  const copy = el.cloneNode(false) as SVGElement;
  for (const a of [...copy.attributes]) if (['class', 'style', 'marker-end', 'marker-start', 'id'].includes(a.name)) copy.removeAttribute(a.name);
  copy.setAttribute('fill', visible(fill) ? fill : 'none');
  if (visible(stroke)) {
    copy.setAttribute('stroke', stroke);
    copy.setAttribute('stroke-width', cs.strokeWidth);
    if (cs.strokeDasharray !== 'none') copy.setAttribute('stroke-dasharray', cs.strokeDasharray);
    copy.setAttribute('stroke-linejoin', cs.strokeLinejoin);
    if (cs.vectorEffect === 'non-scaling-stroke') copy.setAttribute('vector-effect', 'non-scaling-stroke');
  }
  if (cs.opacity !== '1') copy.setAttribute('opacity', cs.opacity);
  let out = `<g transform="matrix(${matrix})">${copy.outerHTML}</g>`;
  // An arrowhead where React Flow would draw its marker.
  if (el instanceof SVGPathElement && el.classList.contains('react-flow__edge-path') && el.getAttribute('marker-end')) out += arrow(el, m, v, stroke);
  return out;
}

function arrow(path: SVGPathElement, m: DOMMatrix, v: View, color: string): string {
  const len = path.getTotalLength();
  if (len < 2) return '';
  const screen = (p: DOMPoint) => p.matrixTransform(m);
  const tip = toFlow(v, screen(path.getPointAtLength(len)).x, screen(path.getPointAtLength(len)).y);
  const back = toFlow(v, screen(path.getPointAtLength(len - 1)).x, screen(path.getPointAtLength(len - 1)).y);
  const a = Math.atan2(tip.y - back.y, tip.x - back.x);
  const pt = (d: number, side: number) => `${n(tip.x - d * Math.cos(a) + side * Math.sin(a))},${n(tip.y - d * Math.sin(a) - side * Math.cos(a))}`;
  return `<polygon points="${n(tip.x)},${n(tip.y)} ${pt(10, 5)} ${pt(10, -5)}" fill="${color}"/>`;
}

function box(el: HTMLElement, v: View): string {
  const cs = getComputedStyle(el);
  const bg = cs.backgroundColor;
  const bw = parseFloat(cs.borderTopWidth) || 0;
  const border = bw > 0 && visible(cs.borderTopColor) && cs.borderTopStyle !== 'none';
  if (!visible(bg) && !border) return '';
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height) return '';
  const p = toFlow(v, r.left, r.top);
  const w = r.width / v.zoom;
  const h = r.height / v.zoom;
  const rx = Math.min(parseFloat(cs.borderTopLeftRadius) || 0, w / 2, h / 2);
  const stroke = border ? ` stroke="${cs.borderTopColor}" stroke-width="${bw}"` : '';
  const opacity = cs.opacity !== '1' ? ` opacity="${cs.opacity}"` : '';
  return `<rect x="${n(p.x + bw / 2)}" y="${n(p.y + bw / 2)}" width="${n(w - bw)}" height="${n(h - bw)}" rx="${n(rx)}" fill="${visible(bg) ? bg : 'none'}"${stroke}${opacity}/>`;
}

function text(t: Text, v: View): string {
  const raw = t.textContent?.replace(/\s+/g, ' ').trim();
  const el = t.parentElement;
  if (!raw || !el) return '';
  const cs = getComputedStyle(el);
  const s = cs.textTransform === 'uppercase' ? raw.toUpperCase() : raw;
  if (cs.visibility === 'hidden' || cs.display === 'none') return '';
  const range = document.createRange();
  range.selectNodeContents(t);
  const r = range.getBoundingClientRect();
  if (!r.width || !r.height) return '';
  const p = toFlow(v, r.left, r.top);
  const size = parseFloat(cs.fontSize);
  const lineBox = r.height / v.zoom;
  // Baseline: the middle of the line box plus about a third of the font size.
  const y = p.y + lineBox / 2 + size * 0.35;
  const attrs = `font-family="${esc(cs.fontFamily)}" font-size="${size}" font-weight="${cs.fontWeight}"${cs.fontStyle === 'italic' ? ' font-style="italic"' : ''} fill="${cs.color}"`;
  return `<text x="${n(p.x)}" y="${n(y)}" ${attrs}>${esc(s)}</text>`;
}

/** The viewport element drawn as SVG within `frame` (flow units), on `background`. */
export function canvasSvg(viewport: HTMLElement, view: { x: number; y: number; zoom: number }, frame: Frame, background: string): string {
  const pane = viewport.parentElement!.getBoundingClientRect();
  const v: View = { left: pane.left, top: pane.top, ...view };
  const parts: string[] = [];
  const walker = document.createTreeWalker(viewport, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    // Skipped with everything inside: handles, the message layer, and what is hidden until hover.
    acceptNode: (node) => {
      if (!(node instanceof Element)) return NodeFilter.FILTER_ACCEPT;
      const cs = getComputedStyle(node);
      return node.matches(SKIP) || cs.opacity === '0' || cs.display === 'none' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      if (!node.parentElement?.closest('svg')) parts.push(text(node, v));
    } else if (node instanceof SVGGraphicsElement && node.matches(SHAPES) && !node.closest('defs, marker')) parts.push(shape(node, v));
    else if (node instanceof HTMLElement) parts.push(box(node, v));
  }
  const { x, y, width, height } = frame;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${n(x)} ${n(y)} ${n(width)} ${n(height)}">`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${background}"/>`,
    ...parts.filter(Boolean),
    '</svg>',
  ].join('\n');
}

/** Draw an SVG document onto a canvas at `scale` device pixels per unit and return a PNG data URL. */
export async function svgToPng(svg: string, width: number, height: number, scale: number): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return canvas.toDataURL('image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}
