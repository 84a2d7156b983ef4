/**
 * Client code for a scenario, in the languages people use with RabbitMQ. Every generator renders
 * the same plan (plan.ts), so the programs do what the simulation does, in each language.
 */
import type { ScenarioDocument } from '../schema';
import { renderAmqplib } from './amqplib';
import { renderDotnet } from './dotnet';
import { renderGo } from './go';
import { renderJava } from './java';
import { CLIENT_LANGUAGES_INFO, type ClientLanguageId, type ClientLanguageInfo } from './languages';
import { renderPika } from './pika';
import { planOf, type CodePlan } from './plan';
import { renderSpring } from './spring';

export interface ClientLanguage extends ClientLanguageInfo {
  render: (plan: CodePlan) => string;
}

const RENDER: Record<ClientLanguageId, (plan: CodePlan) => string> = {
  amqplib: renderAmqplib,
  pika: renderPika,
  go: renderGo,
  java: renderJava,
  spring: renderSpring,
  dotnet: renderDotnet,
};

export const CLIENT_LANGUAGES: readonly ClientLanguage[] = CLIENT_LANGUAGES_INFO.map((l) => ({ ...l, render: RENDER[l.id] }));

export function generateClientCode(doc: ScenarioDocument, language: ClientLanguageId): string {
  return RENDER[language](planOf(doc));
}

export { generateAmqplib } from './amqplib';
export { planOf } from './plan';
export type { CodePlan } from './plan';
export type { ClientLanguageId } from './languages';
