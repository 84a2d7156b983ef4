/**
 * The programs travel with the scenario (share URL, exported JSON, autosave) in its `code`
 * section. A document that brings programs (a share link, an import, undo) puts them in the
 * panel; edits in the panel reach the document after a pause in typing, one undo step each.
 */
import { dispatch, documentStore, getDoc } from '../../store/document';
import type { ScenarioDocument } from '../../scenario/schema';
import { codeStore, setPrograms, type Program } from './store';

/** Quiet time after the last keystroke before the document takes the programs. */
const WRITE_DELAY_MS = 400;

let started = false;

export function startCodeDocSync(readOnly: boolean): void {
  if (started) return;
  started = true;
  codeStore.setState({ readOnly });
  /** The programs array the panel got from the document, or last wrote to it: not news to the other side. */
  let fromDoc: Program[] | null = null;
  let written: ScenarioDocument['code'] | null = null;
  const take = (doc: ScenarioDocument) => {
    if (!doc.code || doc.code === written) return;
    setPrograms(doc.code.programs, doc.code.example ?? null);
    fromDoc = codeStore.getState().programs;
  };
  take(getDoc());
  let code = getDoc().code;
  documentStore.subscribe((s) => {
    if (s.doc.code === code) return;
    code = s.doc.code;
    take(s.doc);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  codeStore.subscribe((s, prev) => {
    if (s.programs === prev.programs && s.example === prev.example) return;
    if (s.programs === fromDoc || s.readOnly) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { programs, example } = codeStore.getState();
      written = { programs, ...(example ? { example } : {}) };
      dispatch({ type: 'set-meta', patch: { code: written } });
    }, WRITE_DELAY_MS);
  });
}
