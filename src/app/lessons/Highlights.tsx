import { useLesson } from './store';
import { pickingQueues } from './pickQueues';

const sel = (id: string) => `.react-flow__node[data-id="${CSS.escape(id)}"]`;

/**
 * Rings around the queues picked for the current step, and after "Check" around the queues the
 * simulation reached (green) and wrong picks (red). Plain CSS keyed by node id.
 */
export function LessonHighlights() {
  const chosen = useLesson((s) => s.chosen);
  const result = useLesson((s) => s.result);
  useLesson((s) => s.step);
  useLesson((s) => s.open);
  if (!pickingQueues()) return null;
  const rules: string[] = [];
  const ring = (color: string, style = 'solid') => `{ outline: 3px ${style} ${color} !important; outline-offset: 6px !important; border-radius: 18px; }`;
  if (result) {
    for (const id of result.reached) rules.push(`${sel(id)} ${ring('#16a34a')}`);
    for (const id of result.chosen.filter((c) => !result.reached.includes(c))) rules.push(`${sel(id)} ${ring('#dc2626', 'dashed')}`);
  } else {
    for (const id of chosen) rules.push(`${sel(id)} ${ring('#2563eb')}`);
  }
  rules.push(`.react-flow__node:has([data-kind="queue"]) { cursor: pointer; }`);
  return <style data-lesson-highlights>{rules.join('\n')}</style>;
}
