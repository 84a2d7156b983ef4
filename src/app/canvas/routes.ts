/**
 * Where ELK routed each edge and put its label, for the layout on screen: session state, never
 * saved (the document keeps positions only). An edge follows its route while the route still
 * joins its handles where they are; once a node moves, that edge falls back to a plain curve.
 */
import { createStore, useStore } from 'zustand';
import type { Layout, Route } from '../editing/autoLayout';
import type { ScenarioDocument } from '../../scenario/schema';

type RouteState = { routes: Readonly<Record<string, Route>> };
export const routeStore = createStore<RouteState>()(() => ({ routes: {} }));

export const useRoute = (id: string): Route | undefined => useStore(routeStore, (s) => s.routes[id]);
export const setRoutes = (routes: Layout['routes']): void => routeStore.setState({ routes });

/**
 * After a document opens: take its routes from the table of presets, or else lay it out in the
 * background and, when ELK puts every node where the document has it (a link to a laid-out
 * scenario), take ELK's. `current` says
 * whether that document is still the open one when the layout is ready.
 */
export async function routeIfLaidOut(doc: ScenarioDocument, current: () => boolean): Promise<void> {
  setRoutes({});
  if (!doc.edges.length && !doc.nodes.some((n) => n.kind === 'queue')) return;
  // A preset as it ships (or any document laid out alike) has its routes computed at build time.
  const [{ layoutKey }, { PRESET_ROUTES }] = await Promise.all([import('../editing/layoutKey'), import('../editing/presetRoutes')]);
  let routes: Layout['routes'] | undefined = PRESET_ROUTES[layoutKey(doc)];
  if (!routes) {
    const [{ autoLayout }, { layoutByVhost, vhostOf }] = await Promise.all([import('../editing/autoLayout'), import('../editing/vhostLayout')]);
    const at = new Map(doc.nodes.map((n) => [n.id, n.position]));
    const same = (l: Layout) => l.moves.every((m) => at.get(m.id)?.x === m.x && at.get(m.id)?.y === m.y);
    let layout = await autoLayout(doc);
    // An imported definitions.json with several vhosts is laid out one vhost under the other.
    if (!same(layout) && new Set(doc.nodes.map(vhostOf).filter((v) => v !== null)).size > 1) layout = await layoutByVhost(doc);
    if (same(layout)) routes = layout.routes;
  }
  if (!routes || !current()) return;
  setRoutes(routes);
  // A loop drawn below the nodes may reach past the first fit: fit once more, at once.
  const { contentBounds, fitContent } = await import('../actions/fitView');
  const { getFlow, paneSize } = await import('./flowApi');
  const b = contentBounds();
  const size = paneSize();
  const v = getFlow()?.getViewport();
  if (!b || !size || !v) return;
  const out = b.x * v.zoom + v.x < 0 || b.y * v.zoom + v.y < 0 || (b.x + b.width) * v.zoom + v.x > size.width || (b.y + b.height) * v.zoom + v.y > size.height;
  if (out) fitContent(0);
}
