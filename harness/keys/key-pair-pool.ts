// RSA-2048 key pairs for the run's CA, TLS certificates and signing keys. Generating a dozen of them
// took most of a run's start-up, so pairs are kept in a per-user cache file (0600 in a 0700 folder)
// and reused across runs. Certificates (and so every x5t/kid) are still new in every run.
// S2S_FRESH_KEYS=1 generates fresh pairs for the run and leaves the cache alone.
import { generateKeyPair, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface KeyPairPem {
  publicKeyPem: string;
  privateKeyPem: string;
}

const OPTIONS = {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
} as const;
const generate = promisify(generateKeyPair);
const CACHE_FILE = path.join(os.tmpdir(), `s2s-conformance-${os.userInfo().uid}`, 'rsa-2048-key-pairs.json');

let pool: KeyPairPem[] = [];
let next = 0;

function readCache(): KeyPairPem[] {
  try {
    const pairs = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as KeyPairPem[];
    return Array.isArray(pairs) ? pairs.filter((p) => typeof p?.publicKeyPem === 'string' && typeof p?.privateKeyPem === 'string') : [];
  } catch {
    return [];
  }
}

/** Makes `count` pairs available to takeKeyPair(), generating the missing ones in parallel. */
export async function prepareKeyPairs(count: number): Promise<void> {
  const fresh = process.env.S2S_FRESH_KEYS === '1';
  const cached = fresh ? [] : readCache();
  const missing = Math.max(0, count - cached.length);
  const made = await Promise.all(Array.from({ length: missing }, async () => {
    const { publicKey, privateKey } = await generate('rsa', OPTIONS);
    return { publicKeyPem: publicKey, privateKeyPem: privateKey };
  }));
  pool = [...cached, ...made];
  next = 0;
  if (!fresh && made.length) {
    try {
      mkdirSync(path.dirname(CACHE_FILE), { recursive: true, mode: 0o700 });
      writeFileSync(CACHE_FILE, JSON.stringify(pool), { mode: 0o600 });
    } catch {
      // a cache we cannot write only costs time
    }
  }
}

/** The next distinct pair of the run (a freshly generated one once the prepared pairs run out). */
export function takeKeyPair(): KeyPairPem {
  const pair = pool[next++];
  if (pair) return pair;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', OPTIONS);
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/** How many pairs this process has taken (past the prepared ones, each was generated on the spot). */
export const keyPairsTaken = (): number => next;
