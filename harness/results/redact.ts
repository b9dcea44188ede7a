// Secrets never reach a report: the run's app password and client secret, and any private key.
// Applied to each case result before it leaves the worker (results.json, junit.xml and the HTML
// report's attachments all come from it) and to every line of the SUT's log.
export const REDACTED = '[REDACTED]';
const PRIVATE_KEY_PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;

/** An Authorization header as evidence shows it: its scheme and its length, never the credential. */
export const authorizationShown = (value: unknown): string | undefined => (value === undefined ? undefined : `${String(value).split(' ')[0]} <${String(value).length} chars>`);

/** The values of an environment that are secrets by name (…PASSWORD, …SECRET, …PRIVATE_KEY). */
export function secretsInEnv(env: Record<string, string>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => /PASSWORD|SECRET|PRIVATE_?KEY/i.test(name) && value.length >= 8)
    .map(([, value]) => value);
}

export function redactText(text: string, secrets: string[]): string {
  let out = text.replace(PRIVATE_KEY_PEM, REDACTED);
  for (const s of secrets) if (s) out = out.split(s).join(REDACTED);
  return out;
}

/** A deep copy of `value` with every string redacted. */
export function redactSecrets<T>(value: T, secrets: string[]): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, secrets)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecrets(v, secrets)])) as T;
  return value;
}

/** Splits a stream into lines so a secret cut across two chunks is still found. */
export function lineRedactor(secrets: string[], write: (text: string) => void): { push(chunk: Buffer): void; flush(): void } {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk.toString('utf8');
      const end = pending.lastIndexOf('\n');
      if (end < 0) return;
      write(redactText(pending.slice(0, end + 1), secrets));
      pending = pending.slice(end + 1);
    },
    flush() {
      if (pending) write(redactText(pending, secrets));
      pending = '';
    },
  };
}
