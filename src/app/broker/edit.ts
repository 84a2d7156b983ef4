/**
 * Edits to the document's `broker` section from the broker panel: validated first (in the
 * engine's words, see src/scenario/broker.ts); a change with a problem is refused and nothing
 * changes; a sound one is one undoable step. A changed section rebuilds the run from time zero.
 */
import { brokerOf, validateBroker, type BrokerConfig, type BrokerProblem } from '../../scenario/broker';
import { dispatch, getDoc } from '../../store/document';

const key = (p: BrokerProblem) => `${p.path}\u0000${p.message}`;

/** Applies `change` to the current section; returns the problems it would bring (then nothing changed). */
export function commitBroker(change: (cfg: BrokerConfig) => BrokerConfig): BrokerProblem[] {
  const current = brokerOf(getDoc());
  const next = change(current);
  // Problems the document already had (an imported file) do not block other edits.
  const before = new Set(validateBroker(current).map(key));
  const problems = validateBroker(next).filter((p) => !before.has(key(p)));
  if (problems.length) return problems;
  dispatch({ type: 'set-meta', patch: { broker: next } });
  return [];
}

/** The message for one field of a row, or null. */
export function problemAt(problems: BrokerProblem[], prefix: string): string | null {
  return problems.find((p) => p.path === prefix || p.path.startsWith(`${prefix}.`))?.message ?? null;
}
