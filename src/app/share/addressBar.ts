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
  // At most one write per ADDRESS_DELAY_MS, the first at once: a single edit (a rename, then a
  // reload straight away) is in the address before anything can reopen it; a drag is not
  // compressed on every mouse move.
  documentStore.subscribe((s, prev) => {
    if (s.doc === prev.doc || timer !== undefined) return;
    const wait = lastWrite + ADDRESS_DELAY_MS - performance.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  });
  // A share link pasted into this tab's address bar opens like a fresh visit would.
  window.addEventListener('hashchange', () => {
    if (location.hash !== encodeShareHash(documentStore.getState().doc)) location.reload();
  });
}
