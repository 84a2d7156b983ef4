import { useTranslation } from 'react-i18next';
import { CodeEditor } from './CodeEditor';
import { ConsoleView } from './ConsoleView';
import { removeProgram, runProgram, stopProgram, updateProgram, useCode, type Program } from './store';

const input =
  'h-7 min-w-0 rounded border border-zinc-200 bg-white px-1.5 font-mono text-xs text-zinc-800 focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
const button =
  'inline-flex h-7 items-center rounded px-2 text-xs font-medium focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none disabled:opacity-40';

/** One program as one terminal: `node <name> <args>`, Run and Stop, the editor, and its console. */
export function ProgramColumn({ program, only }: { program: Program; only: boolean }) {
  const { t } = useTranslation('code');
  const status = useCode((s) => s.status[program.id]);
  const readOnly = useCode((s) => s.readOnly);
  const running = status?.state === 'running';
  return (
    <section data-program={program.id} data-state={status?.state ?? 'idle'} aria-label={program.name} className="flex min-w-[340px] flex-1 flex-col border-r border-zinc-200 last:border-r-0 dark:border-zinc-800">
      <div className="flex items-center gap-1 border-b border-zinc-200 px-2 py-1 dark:border-zinc-800">
        <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">node</span>
        <input aria-label={t('name')} className={`${input} w-28`} value={program.name} readOnly={readOnly} onChange={(e) => updateProgram(program.id, { name: e.target.value })} />
        <input aria-label={t('args')} placeholder={t('argsPlaceholder')} className={`${input} flex-1`} value={program.args} readOnly={readOnly} onChange={(e) => updateProgram(program.id, { args: e.target.value })} />
        <button type="button" data-run-program className={`${button} bg-emerald-700 text-white hover:bg-emerald-800`} onClick={() => runProgram(program.id)}>
          {t('run')}
        </button>
        <button type="button" data-stop-program disabled={!running} className={`${button} border border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800`} onClick={() => stopProgram(program.id)}>
          {t('stop')}
        </button>
        {!readOnly && !only && (
          <button type="button" aria-label={t('remove', { name: program.name })} title={t('remove', { name: program.name })} className={`${button} text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 dark:hover:bg-zinc-800`} onClick={() => removeProgram(program.id)}>
            ×
          </button>
        )}
      </div>
      <div className="px-2 py-0.5 text-[11px] text-zinc-500 dark:text-zinc-400" data-program-status>
        {t(`state.${status?.state ?? 'idle'}`, { code: status?.code ?? 0 })}
        {status?.error && <span className="ml-1 text-red-600 dark:text-red-400">{status.error.note ? t(`runtime.${status.error.note.key}`, { line: status.error.note.line, seconds: status.error.note.seconds }) : `${status.error.line ? t('at', { line: status.error.line }) : ''} ${status.error.message}`}</span>}
      </div>
      <div className="min-h-0 flex-[3] border-y border-zinc-200 dark:border-zinc-800">
        <CodeEditor label={t('editorLabel', { name: program.name })} value={program.source} readOnly={readOnly} runError={status?.state === 'failed' ? status.error : undefined} onChange={(source) => updateProgram(program.id, { source })} />
      </div>
      <div className="min-h-0 flex-[2]">
        <ConsoleView id={program.id} />
      </div>
    </section>
  );
}
