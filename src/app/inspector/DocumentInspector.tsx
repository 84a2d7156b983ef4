import { useTranslation } from 'react-i18next';
import { useDocument } from '../../store/document';
import { commitMeta } from './commit';
import { useShownTitle } from '../shell/useShownTitle';
import { NumberField } from './fields/NumberField';
import { Section } from './fields/Section';
import { TextField } from './fields/TextField';
import { ClusterSection } from '../cluster/ClusterSection';
import { TimelineSection } from '../timeline/TimelineSection';

const HOPS = ['publish', 'route', 'deliver', 'ack'] as const;

/** With nothing selected: the scenario's title, description, seed and simulation settings. */
export function DocumentInspector() {
  const { t } = useTranslation('inspector');
  const title = useShownTitle();
  const description = useDocument((s) => s.doc.description);
  const seed = useDocument((s) => s.doc.seed);
  const settings = useDocument((s) => s.doc.settings);

  return (
    <div data-inspector="document">
      <header className="px-3 py-2.5">
        <div className="text-[11px] uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t('document.kind')}</div>
        <h2 className="truncate text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
      </header>
      <Section title={t('section.general')}>
        <TextField label={t('document.title')} value={title} onCommit={(v) => commitMeta({ title: v })} />
        <TextField label={t('document.description')} multiline rows={4} value={description} onCommit={(v) => commitMeta({ description: v })} />
        <NumberField label={t('document.seed')} integer min={0} max={0xffffffff} value={seed} hint={t('document.seedHint')} onCommit={(v) => commitMeta({ seed: v })} />
      </Section>
      <Section title={t('section.simulation')}>
        <NumberField label={t('document.speed')} min={0.1} max={100} value={settings.speed} hint={t('document.speedHint')}
          onCommit={(speed) => commitMeta({ settings: { ...settings, speed: speed! } })} />
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('document.latencyHint')}</p>
        <div className="grid grid-cols-2 gap-2">
          {HOPS.map((hop) => (
            <NumberField key={hop} label={t(`document.latency.${hop}`)} integer min={0} max={600_000} placeholder="ms" value={settings.latency[hop]}
              onCommit={(v) => commitMeta({ settings: { ...settings, latency: { ...settings.latency, [hop]: v! } } })} />
          ))}
        </div>
      </Section>
      <TimelineSection />
      <ClusterSection /> {/* cluster hook: broker nodes */}
      <p className="px-3 py-3 text-xs text-zinc-500 dark:text-zinc-400">{t('document.selectHint')}</p>
    </div>
  );
}
