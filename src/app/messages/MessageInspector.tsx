import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { simulationStore } from '../../store/simulation';
import { useNames } from '../log/useNames';
import { IconClose } from '../shell/icons';
import { KeyValues, XDeathTable } from './PropertyTables';
import { RouteView } from './RouteView';
import { backMessage, closeMessage, useInspectedMessage, useMessageTrail } from './store';
import { openMessage } from './store';
import { useExplanation } from './useExplanation';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <h3 className="mb-1.5 text-[11px] font-semibold tracking-wider text-zinc-500 uppercase dark:text-zinc-400">{title}</h3>
      {children}
    </section>
  );
}

const link = 'font-mono text-accent-700 hover:underline dark:text-accent-300';

/**
 * One message, explained: where it went hop by hop and why, what it carries (body, properties,
 * headers with x-death as a table), and the copies dead-lettered from it or the one it came from.
 */
export default function MessageInspector() {
  const { t } = useTranslation('simulation');
  const id = useInspectedMessage();
  const trail = useMessageTrail();
  const exp = useExplanation(id);
  const names = useNames();

  // A rebuilt run numbers messages anew: what was open means nothing now.
  useEffect(() => simulationStore.subscribe((s, p) => s.generation !== p.generation && closeMessage()), []);
  useEffect(() => {
    if (id === null) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && closeMessage();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id]);

  if (id === null) return null;
  const ready = exp && exp.messageId === id ? exp : null;
  const origin = ready?.events.find((e) => e.type === 'dead-lettered' && e.newId === id);
  const parent = origin?.type === 'dead-lettered' ? origin.id : undefined;
  const children = ready?.events.flatMap((e) => (e.type === 'dead-lettered' && e.id === id ? [e.newId] : [])) ?? [];
  const props = ready?.details?.properties ?? {};
  const { headers, ...rest } = props as { headers?: Record<string, unknown> };
  const xDeath = Array.isArray(headers?.['x-death']) ? (headers['x-death'] as Record<string, unknown>[]) : null;
  const otherHeaders = headers ? Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'x-death')) : {};

  return (
    <aside
      data-testid="message-inspector"
      data-message={id}
      aria-label={t('message.title', { id })}
      className="nodrag nopan nowheel absolute top-3 right-3 bottom-3 z-20 flex w-[380px] max-w-[calc(100%-1.5rem)] flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl dark:border-zinc-700 dark:bg-zinc-900"
    >
      <header className="flex items-center gap-2 px-4 py-2.5">
        {trail.length > 0 && (
          <button type="button" onClick={backMessage} aria-label={t('message.back')} title={t('message.back')} className="rounded px-1 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 dark:hover:bg-zinc-800">
            <span aria-hidden>←</span>
          </button>
        )}
        <span className="grid size-6 place-items-center rounded bg-accent-600 text-[11px] text-white" aria-hidden>
          ✉
        </span>
        <h2 className="text-sm font-semibold">{t('message.title', { id })}</h2>
        <button type="button" onClick={closeMessage} aria-label={t('message.close')} title={t('message.close')} className="ml-auto rounded p-1 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <IconClose />
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">
        {!ready && <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">{t('message.loading')}</p>}
        {ready && ready.events.length === 0 && <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">{t('message.notFound', { id })}</p>}
        {ready && (parent !== undefined || children.length > 0) && (
          <div className="flex flex-wrap gap-x-4 gap-y-1 px-4 pb-2 text-xs text-zinc-600 dark:text-zinc-300">
            {parent !== undefined && (
              <span data-testid="message-parent">
                {t('message.parent')}{' '}
                <button type="button" className={link} onClick={() => openMessage(parent)}>
                  #{parent}
                </button>
              </span>
            )}
            {children.length > 0 && (
              <span data-testid="message-children">
                {t('message.children')}{' '}
                {children.map((c) => (
                  <button key={c} type="button" className={`${link} mr-1`} onClick={() => openMessage(c)}>
                    #{c}
                  </button>
                ))}
              </span>
            )}
          </div>
        )}
        {ready && ready.events.length > 0 && (
          <>
            <Section title={t('message.route')}>
              {ready.truncated && <p className="mb-1 text-xs text-amber-700 dark:text-amber-300">{t('message.truncated')}</p>}
              <RouteView exp={ready} names={names} current={id} />
            </Section>
            {xDeath && (
              <Section title={t('message.xDeath')}>
                <XDeathTable entries={xDeath} />
              </Section>
            )}
            <Section title={t('message.body')}>
              {ready.details ? (
                <pre data-testid="message-body" tabIndex={0} className="max-h-40 overflow-auto rounded-md bg-zinc-50 px-2 py-1.5 font-mono text-xs whitespace-pre-wrap text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
                  {ready.details.body}
                </pre>
              ) : (
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('message.unknownBody')}</p>
              )}
            </Section>
            {ready.details && (
              <>
                <Section title={t('message.headers')}>
                  {Object.keys(otherHeaders).length ? <KeyValues data={otherHeaders} testId="message-headers" /> : <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('message.noHeaders')}</p>}
                </Section>
                <Section title={t('message.properties')}>
                  <KeyValues data={rest} testId="message-properties" />
                </Section>
              </>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
