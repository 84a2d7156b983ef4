/**
 * One program's editor: CodeMirror 6 with JavaScript highlighting, amqplib completions, and
 * squiggles for syntax errors (as you type) and for the error the last run stopped on.
 * Loaded with the Code panel only.
 */
import { useEffect, useRef } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { javascript, javascriptLanguage } from '@codemirror/lang-javascript';
import { completeFromList } from '@codemirror/autocomplete';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { compileProgram, ProgramSyntaxError } from '../../worker/programs/compile';
import type { ProgramError } from '../../worker/programs/types';
import { AMQPLIB_COMPLETIONS } from './amqplibCompletions';
import { darkHighlight } from './darkHighlight';
import { useUi } from '../../store/ui';

interface Props {
  value: string;
  onChange: (text: string) => void;
  /** The error the last run stopped on, shown where it happened. */
  runError?: ProgramError;
  readOnly: boolean;
  label: string;
}

function at(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

function diagnostics(doc: Text, runError: ProgramError | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  try {
    compileProgram(doc.toString());
  } catch (e) {
    if (!(e instanceof ProgramSyntaxError)) throw e;
    const from = at(doc, e.line, e.column);
    out.push({ from, to: Math.min(from + 1, doc.length), severity: 'error', message: e.message });
  }
  if (runError?.line && !out.length) {
    const from = at(doc, runError.line, runError.column ?? 1);
    const to = runError.column ? Math.min(doc.line(Math.min(runError.line, doc.lines)).to, from + 1) : doc.line(Math.min(runError.line, doc.lines)).to;
    out.push({ from, to: Math.max(to, from), severity: 'error', message: runError.message });
  }
  return out;
}

export function CodeEditor({ value, onChange, runError, readOnly, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const dark = useUi((s) => s.theme === 'dark');
  const latest = useRef({ onChange, runError });
  latest.current = { onChange, runError };

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          dark ? [darkHighlight, EditorView.theme({}, { dark: true })] : [],
          javascript(),
          javascriptLanguage.data.of({ autocomplete: completeFromList(AMQPLIB_COMPLETIONS) }),
          lintGutter(),
          linter((ev) => diagnostics(ev.state.doc, latest.current.runError), { delay: 300 }),
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          // A tab stop even when read-only, so the scrolled text can be reached (and axe sees focusable content).
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
          EditorView.theme({ '&': { height: '100%', fontSize: '12.5px' }, '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' } }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
    };
    // The editor is made once; text from outside (an example) arrives below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly, dark]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [runError]);

  return <div ref={host} className="h-full min-h-0 overflow-hidden" data-code-editor />;
}
