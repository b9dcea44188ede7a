// Before anything is packaged: no secret in it. A run's outputs are redacted already
// (harness/results/redact.ts); this checks again what leaves the machine in a package, since the
// run folders may come from elsewhere (another machine, an older version, a hand-edited file).
import { REDACTED } from '../results/redact';

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
// A field named like a password or secret with a value that is not the redaction mark: a header,
// form field or JSON member (`client_secret=…`, `"MicrosoftAppPassword": "…"`, `password: …`).
const SECRET_FIELD = /[\w-]*(?:password|secret)[\w-]*["']?\s*[:=]\s*["']?([^\s"'&,;}\]]{8,})/gi;

/** The places in the files where a secret shows: one line per file and kind. `secrets` are values
 *  known to be secret (a run's --sut-env password, say); `fielded` the files (evidence: requests,
 *  responses, tokens) where a password- or secret-named field must carry no value. */
export function leaksIn(files: Map<string, Buffer>, secrets: string[], fielded: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const [file, data] of files) {
    const text = data.toString('latin1');
    if (PRIVATE_KEY.test(text)) found.push(`${file}: a private key`);
    if (secrets.some((s) => s && text.includes(s))) found.push(`${file}: a secret of the run's environment`);
    if (fielded(file)) {
      const field = [...text.matchAll(SECRET_FIELD)].find((m) => !m[1].startsWith(REDACTED.slice(0, -1)));
      if (field) found.push(`${file}: a value in ${field[0].split(/[:=]/)[0].replace(/["'\s]/g, '')}`);
    }
  }
  return found;
}
