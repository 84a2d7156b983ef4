import { useTranslation } from 'react-i18next';
import { commitNode } from './commit';
import { Section } from './fields/Section';
import { TextField } from './fields/TextField';
import { useNodeConfig } from './hooks';
import { NodeHeader } from './NodeHeader';

/** A note's text. */
export function NoteInspector({ id }: { id: string }) {
  const { t } = useTranslation('inspector');
  const config = useNodeConfig(id, 'note');
  if (!config) return null;
  const firstLine = config.text.split('\n')[0] || t('note.empty');
  return (
    <div data-inspector="note">
      <NodeHeader id={id} kind="note" name={firstLine} />
      <Section title={t('section.general')}>
        <TextField label={t('note.text')} multiline rows={8} value={config.text} hint={t('note.hint')} onCommit={(text) => commitNode(id, 'note', { text })} />
      </Section>
    </div>
  );
}
