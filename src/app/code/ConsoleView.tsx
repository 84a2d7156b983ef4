import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleLine } from '../../worker/programs/types';
import { useCode } from './store';

const EMPTY: ConsoleLine[] = [];

/** Virtual time as the console stamps it: seconds with milliseconds. */
export const stamp = (t: number): string => `${(t / 1000).toFixed(3)}s`;

/** A program's console: what it printed, each line at the virtual time it printed it. */
export function ConsoleView({ id }: { id: string }) {
  const { t } = useTranslation('code');
  const lines = useCode((s) => s.consoles[id] ?? EMPTY);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [lines]);
  return (
    <div role="log" aria-label={t('console')} tabIndex={0} data-console={id} className="h-full overflow-auto bg-zinc-950 px-2 py-1 font-mono text-[11.5px] leading-[1.45] text-zinc-100">
      {lines.map((l, i) => (
        <div key={i} className={`whitespace-pre-wrap ${l.stream === 'err' ? 'text-red-300' : ''}`}>
          <span className="mr-2 text-zinc-500 dark:text-zinc-400 select-none">{stamp(l.t)}</span>
          {l.note ? `${l.text.slice(0, l.text.indexOf(' '))} ${t(`runtime.${l.note.key}`, { line: l.note.line, seconds: l.note.seconds })}` : l.text}
        </div>
      ))}
      <div ref={end} />
    </div>
  );
}
