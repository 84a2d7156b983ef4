/**
 * Zod's finding as a message code with its details, so the app can say it in the reader's
 * language (zod words its own issues in English). A rule of the schema's own (a refine) keeps
 * the schema's text: `zodOther`.
 */
import type { z } from 'zod';
import { message, type ScenarioMessage } from './messages';

type Issue = z.core.$ZodIssue;

const quoteAll = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/** The schema's own texts (schema.ts), so they are said in the reader's language too; numbers kept. */
const SCHEMA_TEXTS: readonly [RegExp, (m: RegExpExecArray) => ScenarioMessage][] = [
  [/^Names are at most (\d+) characters$/, (m) => message('zodTooLong', { maximum: Number(m[1]) })],
  [/^A name is required$/, () => message('zodNameRequired')],
  [/^Must be a whole number$/, () => message('zodWholeNumber')],
  [/^Must be 0 or more$/, () => message('zodTooSmall', { minimum: 0 })],
  [/^Must be greater than 0$/, () => message('zodPositive')],
  [/^At most (\d+) headers$/, (m) => message('zodTooManyItems', { maximum: Number(m[1]) })],
  [/^Max priority is between 1 and 255$/, () => message('zodMaxPriority')],
  [/^A dead-letter routing key needs a dead-letter exchange$/, () => message('zodDlkNeedsDlx')],
  [/^A watermark is a fraction between 0 and 1$/, () => message('zodWatermark')],
  [/^A program id is 1 to 40 letters, digits, - or _$/, () => message('zodProgramId')],
  [/^A program is at most (\d+) characters$/, (m) => message('zodTooLong', { maximum: Number(m[1]) })],
  [/^A scenario has at most (\d+) \w+$/, (m) => message('zodTooManyItems', { maximum: Number(m[1]) })],
];

/** One zod issue as a message. */
export function zodIssueMessage(issue: Issue): ScenarioMessage {
  for (const [re, make] of SCHEMA_TEXTS) {
    const m = re.exec(issue.message);
    if (m) return make(m);
  }
  switch (issue.code) {
    case 'invalid_type': {
      // zod reports what it received only in its text (the input itself is left out of issues).
      const received = /received (\w+)/.exec(issue.message)?.[1] ?? '?';
      return received === 'undefined' ? message('zodMissing', { expected: issue.expected }) : message('zodInvalidType', { expected: issue.expected, received });
    }
    case 'too_small':
      return message(issue.origin === 'array' ? 'zodTooFewItems' : issue.origin === 'string' ? 'zodTooShort' : 'zodTooSmall', { minimum: Number(issue.minimum) });
    case 'too_big':
      return message(issue.origin === 'array' ? 'zodTooManyItems' : issue.origin === 'string' ? 'zodTooLong' : 'zodTooBig', { maximum: Number(issue.maximum) });
    case 'invalid_value':
      return message('zodInvalidValue', { values: quoteAll(issue.values) });
    case 'unrecognized_keys':
      return message('zodUnknownKeys', { keys: quoteAll(issue.keys) });
    default:
      return message('zodOther', { text: issue.message });
  }
}

/** Where an issue is, as a JSON path (`nodes[3].config.name`), or '' for the document itself. */
export function issuePath(issue: Issue): string {
  return issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

