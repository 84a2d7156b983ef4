/**
 * The client languages Warren writes code for, without their generators (which the Code dialog
 * loads only when it opens).
 */
export const CLIENT_LANGUAGE_IDS = ['amqplib', 'pika', 'go', 'java', 'spring', 'dotnet'] as const;
export type ClientLanguageId = (typeof CLIENT_LANGUAGE_IDS)[number];

export interface ClientLanguageInfo {
  id: ClientLanguageId;
  /** The client library, as its users call it (the same in every UI language). */
  label: string;
  /** The file to save the program as; `.mjs`/`.py` programs are named after the scenario instead. */
  fileName: string;
  /** Set when the file is named after the scenario: its extension. */
  extension?: string;
  mime: string;
}

export const CLIENT_LANGUAGES_INFO: readonly ClientLanguageInfo[] = [
  { id: 'amqplib', label: 'Node.js (amqplib)', fileName: 'warren-scenario.mjs', extension: '.mjs', mime: 'text/javascript' },
  { id: 'pika', label: 'Python (pika)', fileName: 'warren_scenario.py', extension: '.py', mime: 'text/x-python' },
  { id: 'go', label: 'Go (amqp091-go)', fileName: 'main.go', mime: 'text/x-go' },
  { id: 'java', label: 'Java (amqp-client)', fileName: 'WarrenScenario.java', mime: 'text/x-java' },
  { id: 'spring', label: 'Spring AMQP', fileName: 'WarrenScenario.java', mime: 'text/x-java' },
  { id: 'dotnet', label: '.NET (RabbitMQ.Client)', fileName: 'Program.cs', mime: 'text/x-csharp' },
];
