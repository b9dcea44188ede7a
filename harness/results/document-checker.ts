// The files the tool writes (results.json, fuzz.json, load.json) are checked against their JSON
// Schemas before they are written: one checker shape, one error line naming the first problem.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
addFormats(ajv);

/** A function that throws `<file> does not match its schema: <path> <problem>` for a document that does not. */
export function documentChecker(schema: object, file: string): (doc: unknown) => void {
  const validate = ajv.compile(schema);
  return (doc) => {
    if (!validate(doc)) {
      const e = validate.errors?.[0];
      throw new Error(`${file} does not match its schema: ${e?.instancePath || '/'} ${e?.message ?? ''}`.trim());
    }
  };
}
