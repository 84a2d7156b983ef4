/**
 * What import and export tell the user, as a code and its details rather than finished text, so
 * the app can say it in the user's language (`app/io/scenarioMessages.ts`). English lives here, in
 * i18next's `{{name}}` form: the app registers it as its English text, and scripts and tests read
 * it through `messageText`. A list parameter holds further messages, joined by the language's separator.
 */
export const MESSAGES_EN = {
  fileTooLarge: 'The file is too large ({{size}}; the limit is {{limit}}).',
  fileEmpty: 'The file is empty.',
  fileNotJson: 'The file is not valid JSON: {{detail}}',
  definitionsTooLarge: 'The definitions file is too large ({{size}}; the limit is {{limit}}).',
  definitionsNotJson: 'The definitions file is not valid JSON: {{detail}}',
  notDefinitions: 'This is not a RabbitMQ definitions file: it has no "queues", "exchanges", "bindings", "users", "vhosts" or "policies".',
  forbiddenKey: 'The definitions file has a key named "{{key}}" at {{path}}, which is not allowed (it could change how the page\'s objects behave).',
  unknownKinds: 'The definitions file has unknown kind(s): {{kinds}}. RabbitMQ\'s definitions hold {{known}}.',
  definitionsInvalid: 'Invalid definitions file at {{where}}: {{problem}}',
  definitionsInvalidMore: 'Invalid definitions file at {{where}}: {{problem}} (and {{others}} more problem(s))',
  queueArgumentInvalid: 'Queue "{{queue}}" in the definitions file has an invalid {{argument}}: {{detail}}.',
  tooManyNodes: 'The definitions file declares {{count}} queues and exchanges; a scenario has at most {{limit}} nodes.',
  importInvalid: 'The definitions file cannot be imported: {{detail}}',
  keptNotSimulated: 'Kept unchanged for the export, not simulated: {{items}}.',
  keptMore: 'and {{count}} more',
  keptExchange: 'exchange "{{name}}" (type {{type}})',
  keptQueue: 'queue "{{name}}" (type {{type}})',
  keptBinding: 'the binding from "{{source}}" to {{destinationType}} "{{destination}}"',
  keptPolicy: 'policy "{{name}}"',
  keptParameters: '{{count}} parameter(s)',
  keptGlobalParameters: '{{count}} global parameter(s)',
  otherQueueArguments: 'Queue arguments not simulated, but kept for the export: {{items}}.',
  queueArgumentNames: '{{queue}} ({{arguments}})',
  exclusiveNotExported: 'Queue "{{queue}}" is exclusive, so it is declared by its connection and not exported.',
  userNotDefined: 'User "{{user}}" (used by {{client}}) is not defined in the Broker panel, so it is not exported.',
  keptWrittenBack: '{{count}} imported definition(s) Warren does not model (parameters, other exchange or queue types...) are written back unchanged.',
  bindingCrossesVhosts: 'The binding from "{{source}}" to "{{destination}}" crosses virtual hosts, which RabbitMQ does not allow; it was not exported.',
  restoreTooLarge: 'The scenario is too large ({{size}}; the limit is {{limit}}).',
  restoreNotJson: 'The scenario is not valid JSON: {{detail}}',
  restoreNotObject: 'A scenario must be a JSON object with a version, nodes and edges.',
  restoreNoVersion: 'The scenario has no valid "version" field.',
  restoreNewerVersion: 'This scenario was made by a newer Warren (format version {{version}}; this one reads up to {{supported}}).',
  restoreNoMigration: 'Format version {{version}} cannot be migrated.',
  restoreTooManyNodes: 'A scenario has at most {{limit}} nodes; this one has {{count}}.',
  restoreTooManyConnections: 'A scenario has at most {{limit}} connections; this one has {{count}}.',
  restoreInvalid: 'Invalid scenario at {{where}}: {{problem}}',
  restoreInvalidMore: 'Invalid scenario at {{where}}: {{problem}} (and {{others}} more problem(s))',
  restoreInvalidDocument: 'Invalid scenario: {{problem}}',
  restoreDuplicateNodeId: 'Two nodes share the id "{{id}}".',
  restoreDuplicateExchange: 'Two exchanges are both named "{{name}}".',
  restoreDuplicateQueue: 'Two queues are both named "{{name}}".',
  restoreDuplicateConnectionId: 'Two connections share the id "{{id}}".',
  restoreDanglingConnection: 'Connection "{{id}}" points to a node that does not exist.',
  restoreRefusedConnection: 'Connection "{{id}}" from {{sourceKind}} "{{source}}" to {{targetKind}} "{{target}}" is not one the canvas allows (draw it on the canvas to see why).',
  restoreWrongConnectionKind: 'Connection "{{id}}" is a {{kind}} but joins nodes that make a {{expected}}.',
  zodMissing: 'required ({{expected}}), but missing',
  zodInvalidType: 'expected {{expected}}, received {{received}}',
  zodTooSmall: 'must be at least {{minimum}}',
  zodTooBig: 'must be at most {{maximum}}',
  zodTooShort: 'must have at least {{minimum}} character(s)',
  zodTooLong: 'must have at most {{maximum}} character(s)',
  zodTooFewItems: 'must have at least {{minimum}} item(s)',
  zodTooManyItems: 'must have at most {{maximum}} item(s)',
  zodInvalidValue: 'must be one of {{values}}',
  zodUnknownKeys: 'unknown key(s) {{keys}}',
  zodNameRequired: 'a name is required',
  zodWholeNumber: 'must be a whole number',
  zodPositive: 'must be greater than 0',
  zodMaxPriority: 'max priority is between 1 and 255',
  zodDlkNeedsDlx: 'a dead-letter routing key needs a dead-letter exchange',
  zodWatermark: 'a watermark is a fraction between 0 and 1',
  zodProgramId: 'a program id is 1 to 40 letters, digits, - or _',
  zodOther: '{{text}}',
  listSeparator: '; ',
} as const;

export type MessageCode = keyof typeof MESSAGES_EN;
export type MessageParam = string | number | ScenarioMessage[];
export interface ScenarioMessage {
  code: MessageCode;
  params?: Record<string, MessageParam>;
}

export const message = (code: MessageCode, params?: Record<string, MessageParam>): ScenarioMessage => (params ? { code, params } : { code });

/** Turns a code and plain parameters into text in some language. */
export type Translate = (code: MessageCode, params: Record<string, string | number>) => string;

const english: Translate = (code, params) => MESSAGES_EN[code].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));

/** The message as text, nested lists included, in the language `translate` speaks (English by default). */
export function renderMessage(m: ScenarioMessage, translate: Translate = english): string {
  const flat: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) {
    flat[k] = Array.isArray(v) ? v.map((item) => renderMessage(item, translate)).join(translate('listSeparator', {})) : v;
  }
  return translate(m.code, flat);
}

/** English text, for scripts and tests. */
export const messageText = (m: ScenarioMessage): string => renderMessage(m);
