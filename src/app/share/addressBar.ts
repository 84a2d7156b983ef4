/**
 * The address bar always holds the open document: `#s=` + its compressed JSON, written with
 * `history.replaceState` (no history entries, no reload) right away and then debounced as it is
 * edited. `?preset=` gives way to the hash once the preset is open; `embed`/`readonly` stay.
 */
import { encodeShareHash } from '../../scenario/url';
import type { ScenarioDocument } from '../../scenario/schema';
import { documentStore } from '../../store/document';

export const ADDRESS_DELAY_MS = 300;

/** The app's own URL for a document, keeping the page's flags but not `?preset=`. */
export function documentUrl(doc: ScenarioDocument, loc: Pick<Location, 'origin' | 'pathname' | 'search'> = location): string {
  const params = new URLSearchParams(loc.search);
  params.delete('preset');
  const search = params.toString();
  return `${loc.origin}${loc.pathname}${search ? `?${search}` : ''}${encodeShareHash(doc)}`;
}

/** The share link: the document without any page flags. */
export function shareLink(doc: ScenarioDocument, loc: Pick<Location, 'origin' | 'pathname'> = location): string {
  return `${loc.origin}${loc.pathname}${encodeShareHash(doc)}`;
}

function write(doc: ScenarioDocument): void {
  const url = documentUrl(doc);
  if (url !== location.href) history.replaceState(history.state, '', url);
}

/** True when the only difference is where nodes stand. */
function onlyMoved(a: ScenarioDocument, b: ScenarioDocument): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  for (const k of Object.keys(b) as (keyof ScenarioDocument)[]) if (k !== 'nodes' && a[k] !== b[k]) return false;
  return b.nodes.every((n, i) => n.id === a.nodes[i].id && n.config === a.nodes[i].config);
}

let started = false;

export function startAddressBarSync(): void {
  if (started || typeof history === 'undefined') return;
  started = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastWrite = 0;
  const flush = () => {
    timer = undefined;
    lastWrite = performance.now();
    write(documentStore.getState().doc);
  };
  flush();
  // An edit is in the address at once, so a reload straight after it reopens the edit; only moves
  // (a drag sends one per mouse move) wait, at most one write per ADDRESS_DELAY_MS.
  documentStore.subscribe((s, prev) => {
    if (s.doc === prev.doc) return;
    if (!onlyMoved(prev.doc, s.doc)) {
      clearTimeout(timer);
      flush();
      return;
    }
    if (timer !== undefined) return;
    const wait = lastWrite + ADDRESS_DELAY_MS - performance.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  });
  // A share link pasted into this tab's address bar opens like a fresh visit would.
  window.addEventListener('hashchange', () => {
    if (location.hash !== encodeShareHash(documentStore.getState().doc)) location.reload();
  });
}
