/** The publish form's headers: key = value rows with a type each, a new empty row always last. */
import { useTranslation } from 'react-i18next';
import type { HeaderRow } from '../../worker/management-protocol';
import { inputClass, labelClass } from '../inspector/fields/styles';

export function HeaderRows({ rows, onChange }: { rows: HeaderRow[]; onChange: (rows: HeaderRow[]) => void }) {
  const { t } = useTranslation('management');
  const update = (i: number, patch: Partial<HeaderRow>) => {
    const next = rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
    // As in the management UI: typing in the last row opens a new one.
    if (next[next.length - 1].key !== '') next.push({ key: '', value: '', type: 'string' });
    onChange(next);
  };
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className={labelClass}>{t('headers')}</legend>
      {rows.map((r, i) => (
        <div key={i} className="grid grid-cols-[1fr_auto_1fr_auto] items-center gap-1" data-publish-header={i}>
          <input aria-label={t('headerKey')} className={`${inputClass} font-mono`} value={r.key} data-header-key onChange={(e) => update(i, { key: e.target.value })} />
          <span aria-hidden="true">=</span>
          <input aria-label={t('headerValue')} className={`${inputClass} font-mono`} value={r.value} data-header-value onChange={(e) => update(i, { value: e.target.value })} />
          <select aria-label={t('headerType')} className={inputClass} value={r.type} data-header-type onChange={(e) => update(i, { type: e.target.value as HeaderRow['type'] })}>
            <option value="string">{t('typeString')}</option>
            <option value="number">{t('typeNumber')}</option>
            <option value="boolean">{t('typeBoolean')}</option>
          </select>
        </div>
      ))}
    </fieldset>
  );
}
