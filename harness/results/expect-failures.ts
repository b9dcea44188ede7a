// The --expect-failures file (known departures): each entry a reason, or {reason, owner?, until?}.
// Checked against its JSON Schema; the first problem becomes one line a user can act on.
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import schema from '../../fixtures/schemas/expect-failures.schema.json';
import type { ExpectedFailureEntry } from './gate';

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile<Record<string, ExpectedFailureEntry>>(schema);

const FORMS = '{"CASE-ID": "reason"} or {"CASE-ID": {"reason": "...", "owner": "...", "until": "YYYY-MM-DD"}}';

/** The file's entries, or an Error saying what is wrong with the first bad one. */
export function parseExpectFailures(doc: unknown): Record<string, ExpectedFailureEntry> {
  if (validate(doc)) return doc;
  throw new Error(problemOf(doc, validate.errors ?? []));
}

/** Ajv reports every branch of the oneOf: keep the errors of the branch the entry's own type picks
 *  (a string is the first form, an object the second), so the message speaks of what the user wrote. */
function problemOf(doc: unknown, errors: ErrorObject[]): string {
  const relevant = errors.filter((e) => e.keyword !== 'oneOf');
  for (const e of relevant) {
    const [, id, field] = e.instancePath.split('/');
    if (id === undefined) continue;
    const value = (doc as Record<string, unknown>)[id];
    const branch = /\/oneOf\/(\d)\//.exec(e.schemaPath)?.[1];
    if (typeof value === 'string') {
      if (branch === '0') return `${id}: the reason is empty`;
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${id}: an entry is a reason string or an object, not ${JSON.stringify(value)} (expected ${FORMS})`;
    if (branch !== '1') continue;
    if (e.keyword === 'additionalProperties') return `${id}: unknown key "${(e.params as { additionalProperty: string }).additionalProperty}" (an entry has reason, owner and until)`;
    if (e.keyword === 'required') return `${id}: no reason (an entry has reason, owner and until; reason is required)`;
    const got = (value as Record<string, unknown>)[field];
    if (field === 'until') return `${id}: until ${JSON.stringify(got)} is not a date YYYY-MM-DD`;
    if (e.keyword === 'minLength') return `${id}: ${field} is empty`;
    return `${id}: ${field} ${e.message}`;
  }
  const e = relevant.find((x) => x.keyword === 'propertyNames') ?? relevant[0] ?? errors[0];
  const name = (e?.params as { propertyName?: string } | undefined)?.propertyName;
  return `${name ? `"${name}" is not a case id` : `${e?.instancePath || '/'} ${e?.message}`} (expected ${FORMS})`;
}
