import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dispatch } from '../../../store/document';
import type { ExchangeType, ScenarioEdge } from '../../../scenario/schema';
import { checkBindingKey, parseHeaderArgs, type KeyProblem } from './bindingKey';

interface Props {
  edge: Extract<ScenarioEdge, { kind: 'binding' }>;
  exchangeType: ExchangeType;
  initial: string;
  onDone: () => void;
}

function problemOf(type: ExchangeType, text: string): KeyProblem | null {
  if (type !== 'headers') return checkBindingKey(type, text);
  const parsed = parseHeaderArgs(text);
  return parsed.ok ? null : parsed.problem;
}

/** The inline input for a binding label: validated as you type; an invalid key is never committed. */
export function BindingLabelEditor({ edge, exchangeType, initial, onDone }: Props) {
  const { t } = useTranslation('editor');
  const [value, setValue] = useState(initial);
  const problem = problemOf(exchangeType, value);

  const commit = () => {
    if (problem) return;
    if (exchangeType === 'headers') {
      const parsed = parseHeaderArgs(value);
      if (parsed.ok && value !== initial) dispatch({ type: 'update-edge', id: edge.id, patch: { arguments: parsed.args } });
    } else if (value !== edge.bindingKey) {
      dispatch({ type: 'update-edge', id: edge.id, patch: { bindingKey: value } });
    }
    onDone();
  };

  return (
    <div className="flex flex-col items-center">
      <input
        autoFocus
        aria-label={t(exchangeType === 'headers' ? 'edge.argsLabel' : 'edge.keyLabel')}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${edge.id}-problem` : undefined}
        className={`nodrag nokey w-48 rounded-md border bg-white px-1.5 font-mono text-xs leading-6 shadow outline-none dark:bg-zinc-900 dark:text-zinc-100 ${
          problem ? 'border-red-500 ring-2 ring-red-500/20' : 'border-accent-500 ring-accent-500/20 ring-2'
        }`}
        value={value}
        placeholder={exchangeType === 'headers' ? 'x-match=all, format=pdf' : exchangeType === 'topic' ? 'order.*' : ''}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') onDone();
        }}
        onBlur={() => (problem ? onDone() : commit())}
      />
      {problem && (
        <p id={`${edge.id}-problem`} role="alert" className="mt-1 w-56 rounded bg-red-600 px-2 py-1 text-center text-[11px] leading-4 text-white shadow">
          {t(`edge.problem.${problem}`)}
        </p>
      )}
    </div>
  );
}
