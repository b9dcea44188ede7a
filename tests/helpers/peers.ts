// The interop peers: SUTs that no one here wrote the validation of (stock SDK bots, small Python
// endpoints built the way each JWT library's documentation shows, and a hand-written validator in
// plain Java), with the profile each is
// run on. Their outcomes are pinned (tests/expectations/*-peers.json) and summarised in the peer
// table of docs/peers.md, which is generated from their runs (tests/tools/pin-peers.ts).
import type { ProfileName } from '../../profiles/registry';

export interface Peer {
  /** Stable name: the key of the pin file and the peer table's row. */
  id: string;
  language: 'Node' | 'Python' | 'Java';
  /** The library that validates the tokens, as the peer table names it. */
  library: string;
  /** Where its installed version is read: the Debian package (Python peers), the npm package, or the `java` on PATH (Java peers). */
  dist: string;
  profile: ProfileName;
  /** Which of the profile's cases it runs, when not all (the peer table says so). */
  scope?: string;
  /** Extra CLI arguments: the SUT command, and --proxy where it fetches hard-coded Microsoft URLs. */
  args: string[];
}

/** Debian's interpreter: the Python peers use Debian's packages (no PyPI here). */
export const PYTHON = '/usr/bin/python3';

// `keyCache`: whether the library fetches and caches the keys itself (PyJWT's PyJWKClient). The
// others have no JWKS client, so the endpoints' own glue does it, and the key-lifecycle cases
// (*-KLC-*: refresh limits, faults) would test that glue, not the library: they are left out there.
// The cold-start fault cases (*-CSF-*) run for every peer: whatever fetches the keys (library or
// glue) is what a deployment of it would run, and a fresh process judges it without moving a clock.
const PY_LIBS = [
  { lib: 'PyJWT', dist: 'python3-jwt', bf: 'pyjwt.py', am: 'pyjwt.py', keyCache: true },
  { lib: 'python-jose', dist: 'python3-jose', bf: 'python_jose.py', am: 'python_jose.py', keyCache: false },
  { lib: 'jwcrypto', dist: 'python3-jwcrypto', bf: 'jwcrypto_bot.py', am: 'jwcrypto_action.py', keyCache: false },
  { lib: 'Authlib', dist: 'python3-authlib', bf: 'authlib_bot.py', am: 'authlib_action.py', keyCache: false },
];

const pythonPeers: Peer[] = PY_LIBS.flatMap(({ lib, dist, bf, am, keyCache }): Peer[] => [
  // The Python bots validate channel tokens (Connector→Bot) only, and refuse Emulator tokens by design.
  { id: `python-${lib.toLowerCase()}/bot-framework`, language: 'Python', library: lib, dist, profile: 'bot-framework', scope: keyCache ? 'Connector→Bot cases' : 'Connector→Bot cases; key faults by cold start only', args: ['--sut', `${PYTHON} fixtures/suts/python/bot-framework/${bf}`, '--grep', keyCache ? '^BF-C2B-' : '^BF-C2B-(?!KLC-)'] },
  // Actionable Messages: the current (Entra) profile; Microsoft ended the legacy one on 2026-06-08.
  ...(['actionable-messages-entra'] as const).map((profile) => ({
    id: `python-${lib.toLowerCase()}/${profile}`,
    language: 'Python' as const,
    library: lib,
    dist,
    profile,
    ...(keyCache ? {} : { scope: 'key faults by cold start only' }),
    args: ['--sut', `${PYTHON} fixtures/suts/python/actionable-messages/${am}`, ...(keyCache ? [] : ['--grep', '^(?!AME-KLC-)'])],
  })),
]).map((p): Peer => ({ ...p, args: ['--profile', p.profile, ...p.args, '--proxy', '--sut-name', p.id, '--workers', '1', '--only-results'] }));

export const PYTHON_PEERS: Peer[] = pythonPeers;

/** The stock Node SDK bots (tests/interop.spec.ts pins them; configured by the contract, no proxy). */
export const NODE_PEERS: Peer[] = [
  { id: 'botbuilder', language: 'Node', library: 'botbuilder', dist: 'botbuilder', profile: 'bot-framework', args: ['--sut', 'node fixtures/suts/botbuilder-echo/bot.cjs', '--workers', '1', '--sut-name', 'botbuilder', '--only-results'] },
  // botbuilder 4.16.0 (npm alias botbuilder-4-16), the last ADAL-era release: the same bot; its replies' token
  // comes from the AAD v1 endpoint after instance discovery at login.windows.net (both faked).
  { id: 'botbuilder-4-16', language: 'Node', library: 'botbuilder', dist: 'botbuilder-4-16', profile: 'bot-framework', args: ['--sut', 'node fixtures/suts/botbuilder-echo/bot-4-16.cjs', '--workers', '1', '--sut-name', 'botbuilder-4-16', '--only-results'] },
  { id: 'agents-hosting', language: 'Node', library: '@microsoft/agents-hosting', dist: '@microsoft/agents-hosting', profile: 'bot-framework', args: ['--sut', 'node fixtures/suts/agents-hosting-echo/bot.cjs', '--workers', '1', '--sut-name', 'agents-hosting', '--only-results'] },
  // The same bots' replies (Bot -> Connector): their token requests, cache and bearer (results.json only).
  { id: 'botbuilder/bot-outbound', language: 'Node', library: 'botbuilder', dist: 'botbuilder', profile: 'bot-outbound', args: ['--profile', 'bot-outbound', '--sut', 'node fixtures/suts/botbuilder-echo/bot.cjs', '--workers', '1', '--only-results', '--sut-name', 'botbuilder'] },
  { id: 'botbuilder-4-16/bot-outbound', language: 'Node', library: 'botbuilder', dist: 'botbuilder-4-16', profile: 'bot-outbound', args: ['--profile', 'bot-outbound', '--sut', 'node fixtures/suts/botbuilder-echo/bot-4-16.cjs', '--workers', '1', '--only-results', '--sut-name', 'botbuilder-4-16'] },
  { id: 'agents-hosting/bot-outbound', language: 'Node', library: '@microsoft/agents-hosting', dist: '@microsoft/agents-hosting', profile: 'bot-outbound', args: ['--profile', 'bot-outbound', '--sut', 'node fixtures/suts/agents-hosting-echo/bot.cjs', '--workers', '1', '--only-results', '--sut-name', 'agents-hosting'] },
];

/** A bot whose channel-token validation is written by hand against the JDK alone (java.security,
 *  java.net.http), fetching the keys from the hard-coded Microsoft URL through proxy mode with the
 *  test CA's PKCS#12 trust store (JAVA_TOOL_OPTIONS). Channel tokens only, like the Python bots. */
export const JAVA_PEERS: Peer[] = [
  { id: 'java-handwritten/bot-framework', language: 'Java', library: 'JDK', dist: 'java', profile: 'bot-framework', scope: 'Connector→Bot cases', args: ['--profile', 'bot-framework', '--sut', 'java fixtures/suts/java/BotValidator.java', '--grep', '^BF-C2B-', '--proxy', '--sut-name', 'java-handwritten/bot-framework', '--workers', '1'] },
];

export const PEERS: Peer[] = [...NODE_PEERS, ...PYTHON_PEERS, ...JAVA_PEERS];
