/** Exports of the open document: Warren JSON, RabbitMQ definitions.json, and the simulation trace. */
import i18n from '../i18n';
import { exportScenarioJson, scenarioFileName } from '../../scenario/file';
import { getDoc } from '../../store/document';
import { simulationStore } from '../../store/simulation';
import { notify } from '../../store/ui';
import { downloadText, stem } from './download';
import { sayMessage } from './scenarioMessages';

export function exportJson(): void {
  const doc = getDoc();
  downloadText(exportScenarioJson(doc), scenarioFileName(doc));
}

export async function exportDefinitionsFile(): Promise<void> {
  const doc = getDoc();
  // Loaded on first use: the writer of definitions.json is not part of the page's first load.
  const { exportDefinitions } = await import('../../scenario/definitions');
  const { definitions, warnings } = await exportDefinitions(doc);
  downloadText(JSON.stringify(definitions, null, 2) + '\n', `${stem(scenarioFileName(doc))}.definitions.json`);
  for (const w of warnings.slice(0, 3)) notify('info', sayMessage(w));
}

/** The trace events the event log holds (oldest first), with what is needed to read them. */
export function traceJson(): string {
  const doc = getDoc();
  const s = simulationStore.getState();
  return JSON.stringify({ title: doc.title, seed: doc.seed, speed: s.speed, t: s.t, map: s.map, events: s.log }, null, 1) + '\n';
}

export function exportTrace(): void {
  const doc = getDoc();
  downloadText(traceJson(), `${stem(scenarioFileName(doc))}.trace.json`);
  if (!simulationStore.getState().log.length) notify('info', i18n.t('io:traceEmpty'));
}
