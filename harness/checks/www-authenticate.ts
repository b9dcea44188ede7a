// A strict parser for WWW-Authenticate field values (RFC 7235 §2.1, §4.1): a list of challenges,
// each an auth-scheme followed by a token68 or by comma-separated auth-params whose values are a
// token or a quoted-string. Several header lines arrive joined by ", ", which the grammar allows.
// It throws on anything the grammar does not produce, so a case can say exactly where.

export interface Challenge {
  scheme: string;
  token68?: string;
  /** Parameters in order; names as sent (compare them case-insensitively). */
  params: Array<{ name: string; value: string; quoted: boolean }>;
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;

export function parseWwwAuthenticate(field: string): Challenge[] {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i} of ${JSON.stringify(field)}`);
  };
  const ows = () => {
    while (field[i] === ' ' || field[i] === '\t') i++;
  };
  const token = (): string => {
    const start = i;
    while (i < field.length && TCHAR.test(field[i])) i++;
    return field.slice(start, i);
  };
  const quoted = (): string => {
    let out = '';
    i++; // opening DQUOTE
    for (;;) {
      const c = field[i++];
      if (c === undefined) return fail('unterminated quoted-string');
      if (c === '"') return out;
      if (c === '\\') {
        const next = field[i++];
        if (next === undefined) return fail('unterminated quoted-pair');
        out += next;
      } else out += c;
    }
  };
  /** Skips list separators ("," with optional whitespace, empty elements allowed); true if one was seen. */
  const separators = (): boolean => {
    let seen = false;
    for (;;) {
      ows();
      if (field[i] !== ',') return seen;
      i++;
      seen = true;
    }
  };
  /** Whether an auth-param (token BWS "=") starts here, without consuming it. */
  const paramAhead = (): boolean => {
    const save = i;
    const name = token();
    ows();
    const yes = name !== '' && field[i] === '=';
    i = save;
    return yes;
  };

  const challenges: Challenge[] = [];
  separators();
  while (i < field.length) {
    const scheme = token();
    if (!scheme) fail('expected an auth-scheme');
    const challenge: Challenge = { scheme, params: [] };
    challenges.push(challenge);
    let separated = false; // a "," already consumed before the next challenge
    if (field[i] === ' ') {
      ows();
      const t68 = TOKEN68.exec(field.slice(i))?.[0];
      if (t68 && /^\s*(,|$)/.test(field.slice(i + t68.length))) {
        challenge.token68 = t68;
        i += t68.length;
      } else {
        while (paramAhead()) {
          const name = token();
          ows();
          i++; // "="
          ows();
          if (field[i] === '"') challenge.params.push({ name, value: quoted(), quoted: true });
          else {
            const value = token();
            if (!value) fail(`parameter ${name} has a value that is neither a token nor a quoted-string`);
            challenge.params.push({ name, value, quoted: false });
          }
          if (!separators()) {
            ows();
            if (i < field.length) fail(`unexpected ${JSON.stringify(field[i])} after parameter ${name}`);
            break;
          }
          if (!paramAhead()) {
            separated = true;
            break; // the next challenge starts here
          }
        }
      }
    }
    const more = separators() || separated;
    if (i < field.length && !more) fail('expected "," between challenges');
  }
  if (challenges.length === 0) fail('no challenge');
  return challenges;
}

/** A challenge's parameter by name (case-insensitive, RFC 7235 §2.1). */
export const paramOf = (c: Challenge, name: string): string | undefined => c.params.find((p) => p.name.toLowerCase() === name.toLowerCase())?.value;
