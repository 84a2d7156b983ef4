import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rowsToTable, tableToRows, type HeaderRow, type HeaderType, type HeaderValue, type RowProblem } from './parse';
import { buttonClass, errorClass, hintClass, inputClass, labelClass } from './styles';
import { useProblemText } from './useProblemText';

export interface KeyValueTableProps {
  label: string;
  value: Record<string, HeaderValue>;
  /** Apply a valid table (one undo step per commit). Return a message to refuse it. */
  onCommit: (table: Record<string, HeaderValue>) => string | null | void;
  hint?: string;
  maxRows?: number;
  /** Names of the key column and of one row, for labels ("Header", "Argument"). */
  keyLabel?: string;
}

const TYPES: HeaderType[] = ['string', 'number', 'boolean'];
const isBlank = (r: HeaderRow) => r.key === '' && (r.value === '' || r.type === 'boolean');

/**
 * An AMQP table (message headers, binding arguments) as rows of name, type and value. Edits
 * stay local until a field loses focus; then the whole table is checked and committed at once.
 */
export function KeyValueTable({ label, value, onCommit, hint, maxRows = 64, keyLabel }: KeyValueTableProps) {
  const { t } = useTranslation('inspector');
  const problemText = useProblemText();
  const base = useId();
  const [draft, setDraft] = useState<HeaderRow[] | null>(null);
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [refused, setRefused] = useState<string | null>(null);
  const rows = draft ?? tableToRows(value);
  const keyName = keyLabel ?? t('fields.key');

  const commit = (next: HeaderRow[]) => {
    setDraft(next);
    const filled = next.map((r, i) => ({ r, i })).filter(({ r }) => !isBlank(r));
    const result = rowsToTable(filled.map(({ r }) => r), maxRows);
    if (!result.ok) {
      setProblems(result.problems.map((p) => ({ ...p, row: filled[p.row]?.i ?? p.row })));
      return;
    }
    setProblems([]);
    const same = JSON.stringify(result.value) === JSON.stringify(value);
    const message = same ? null : onCommit(result.value);
    setRefused(message || null);
    if (!message && !next.some(isBlank)) setDraft(null);
  };

  const edit = (i: number, patch: Partial<HeaderRow>, now = false) => {
    const next = rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
    if (now) commit(next);
    else setDraft(next);
  };

  const problemOf = (row: number, field: 'key' | 'value') => problems.find((p) => p.row === row && p.field === field);

  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className={`${labelClass} mb-1`}>{label}</legend>
      {rows.length > 0 && (
        <div className="grid grid-cols-[minmax(0,1fr)_5.5rem_minmax(0,1fr)_auto] items-start gap-1">
          {rows.map((r, i) => {
            const keyProblem = problemOf(i, 'key');
            const valueProblem = problemOf(i, 'value');
            const id = `${base}-${i}`;
            return (
              <div key={i} className="contents" data-row={i}>
                <div className="flex min-w-0 flex-col">
                  <label htmlFor={`${id}-key`} className="sr-only">{`${keyName} ${i + 1}`}</label>
                  <input
                    id={`${id}-key`}
                    value={r.key}
                    placeholder={keyName}
                    spellCheck={false}
                    autoComplete="off"
                    aria-invalid={keyProblem ? true : undefined}
                    aria-describedby={keyProblem ? `${id}-key-error` : undefined}
                    onChange={(e) => edit(i, { key: e.target.value })}
                    onBlur={() => commit(rows)}
                    onKeyDown={(e) => e.stopPropagation()}
                    className={`${inputClass} font-mono`}
                  />
                  {keyProblem && <p id={`${id}-key-error`} role="alert" className={errorClass} data-field-error>{problemText(keyProblem.problem)}</p>}
                </div>
                <div>
                  <label htmlFor={`${id}-type`} className="sr-only">{`${t('fields.type')} ${i + 1}`}</label>
                  <select
                    id={`${id}-type`}
                    value={r.type}
                    onChange={(e) => {
                      const type = e.target.value as HeaderType;
                      edit(i, { type, value: type === 'boolean' ? (r.value === 'true' ? 'true' : 'false') : r.value }, true);
                    }}
                    onKeyDown={(e) => e.stopPropagation()}
                    className={inputClass}
                  >
                    {TYPES.map((type) => <option key={type} value={type}>{t(`fields.types.${type}`)}</option>)}
                  </select>
                </div>
                <div className="flex min-w-0 flex-col">
                  <label htmlFor={`${id}-value`} className="sr-only">{`${t('fields.value')} ${i + 1}`}</label>
                  {r.type === 'boolean' ? (
                    <select id={`${id}-value`} value={r.value} onChange={(e) => edit(i, { value: e.target.value }, true)} onKeyDown={(e) => e.stopPropagation()} className={inputClass}>
                      <option value="true">true</option>
                      <option value="false">false</option>
                    </select>
                  ) : (
                    <input
                      id={`${id}-value`}
                      value={r.value}
                      inputMode={r.type === 'number' ? 'decimal' : undefined}
                      spellCheck={false}
                      autoComplete="off"
                      aria-invalid={valueProblem ? true : undefined}
                      aria-describedby={valueProblem ? `${id}-value-error` : undefined}
                      onChange={(e) => edit(i, { value: e.target.value })}
                      onBlur={() => commit(rows)}
                      onKeyDown={(e) => {
                        e.stopPropagation();
                        if (e.key === 'Enter') commit(rows);
                      }}
                      className={`${inputClass} font-mono`}
                    />
                  )}
                  {valueProblem && <p id={`${id}-value-error`} role="alert" className={errorClass} data-field-error>{problemText(valueProblem.problem)}</p>}
                </div>
                <button
                  type="button"
                  aria-label={t('fields.removeRow', { key: r.key || i + 1 })}
                  title={t('fields.removeRow', { key: r.key || i + 1 })}
                  onClick={() => commit(rows.filter((_, j) => j !== i))}
                  className={`${buttonClass} mt-0.5 border-transparent px-1.5`}
                >
                  ✕
                </button>
              </div>
            );
          })}
        </div>
      )}
      {refused && <p role="alert" className={errorClass} data-field-error>{refused}</p>}
      <div className="flex items-center justify-between gap-2">
        {hint ? <p className={hintClass}>{hint}</p> : <span />}
        <button
          type="button"
          disabled={rows.length >= maxRows}
          onClick={() => setDraft([...rows, { key: '', type: 'string', value: '' }])}
          className={buttonClass}
        >
          {t('fields.addRow', { key: keyName })}
        </button>
      </div>
    </fieldset>
  );
}
