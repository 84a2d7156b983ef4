/**
 * Client code for a scenario, in the languages people use with RabbitMQ. Every generator renders
 * the same plan (plan.ts), so the programs do what the simulation does, in each language.
 */
import type { ScenarioDocument } from '../schema';
import { renderAmqplib } from './amqplib';
import { renderPika } from './pika';
import { renderGo } from './go';
import { renderJava } from './java';
import { renderSpring } from './spring';
import { renderDotnet } from './dotnet';
import { planOf, type CodePlan } from './plan';

export interface ClientLanguage {
  id: 'amqplib' | 'pika' | 'go' | 'java' | 'spring' | 'dotnet';
  /** The client library, as its users call it (the same in every UI language). */
  label: string;
  /** The file name to download the program as. */
  fileName: string;
  mime: string;
  render: (plan: CodePlan) => string;
}

export const CLIENT_LANGUAGES: readonly ClientLanguage[] = [
  { id: 'amqplib', label: 'Node.js (amqplib)', fileName: 'warren-scenario.mjs', mime: 'text/javascript', render: renderAmqplib },
  { id: 'pika', label: 'Python (pika)', fileName: 'warren_scenario.py', mime: 'text/x-python', render: renderPika },
  { id: 'go', label: 'Go (amqp091-go)', fileName: 'main.go', mime: 'text/x-go', render: renderGo },
  { id: 'java', label: 'Java (amqp-client)', fileName: 'WarrenScenario.java', mime: 'text/x-java', render: renderJava },
  { id: 'spring', label: 'Spring AMQP', fileName: 'WarrenScenario.java', mime: 'text/x-java', render: renderSpring },
  { id: 'dotnet', label: '.NET (RabbitMQ.Client)', fileName: 'Program.cs', mime: 'text/x-csharp', render: renderDotnet },
];

export type ClientLanguageId = ClientLanguage['id'];

export function generateClientCode(doc: ScenarioDocument, language: ClientLanguageId): string {
  const lang = CLIENT_LANGUAGES.find((l) => l.id === language) ?? CLIENT_LANGUAGES[0];
  return lang.render(planOf(doc));
}

export { generateAmqplib } from './amqplib';
export { planOf } from './plan';
export type { CodePlan } from './plan';
