/** The inspector's view of a queue's effective arguments: its own and its policy's, merged by RabbitMQ's rules. */
import { useTranslation } from 'react-i18next';
import { effectiveArguments } from '../../scenario/broker';
import type { NodeOf } from '../../scenario/schema';
import { useDocument } from '../../store/document';
import { Section } from '../inspector/fields/Section';
import { openBrokerPanel } from './store';

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function EffectiveArguments({ config }: { config: NodeOf<'queue'>['config'] }) {
  const { t } = useTranslation('broker');
  const broker = useDocument((s) => s.doc.broker);
  const eff = effectiveArguments(broker, config);
  if (!eff.policy && !eff.args.length) return null;
  return (
    <Section title={t('effective.title')}>
      <div data-effective-arguments className="text-xs">
        <p className="text-zinc-500 dark:text-zinc-400">
          {eff.policy ? (
            <>
              {t('effective.policy')}{' '}
              <button type="button" className="font-mono font-semibold text-violet-700 underline decoration-dotted dark:text-violet-300" onClick={() => openBrokerPanel('policies')} data-effective-policy={eff.policy}>
                {eff.policy}
              </button>
            </>
          ) : (
            t('effective.noPolicy')
          )}
        </p>
        <table className="mt-2 w-full">
          <tbody>
            {eff.args.map((a) => (
              <tr key={a.key} data-effective={a.key} data-source={a.source} data-value={show(a.value)} className="border-t border-zinc-100 dark:border-zinc-800">
                <td className="py-1 pr-2 font-mono text-zinc-600 dark:text-zinc-300">{a.key}</td>
                <td className="py-1 pr-2 font-mono font-semibold text-zinc-900 dark:text-zinc-100">{show(a.value)}</td>
                <td className="py-1 text-right">
                  <span
                    className={`rounded px-1 text-[10px] ${a.source === 'policy' ? 'border border-dashed border-violet-400 text-violet-700 dark:text-violet-300' : 'bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300'}`}
                    title={a.overridden ? t(`effective.rule.${a.overridden.rule}`, { other: show(a.overridden.value) }) : undefined}
                  >
                    {t(`effective.source.${a.source}`)}
                    {a.overridden && ` · ${t('effective.over', { other: show(a.overridden.value) })}`}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-zinc-500 dark:text-zinc-400">{t('effective.rules')}</p>
      </div>
    </Section>
  );
}
