// What a bot-outbound case (Bot -> Connector) is given and returns: the activities it sends the bot
// and what followed from each, the changes it may make to the fakes, and its check's finding. Types
// (and the names of the fakes a reply may reach) apart from the runner, the profile's own (profiles/bot-outbound/runner.ts),
// so that the case model can name a case's spec without importing the runner: the engine imports no profile.
import type { CheckFinding } from '../core/vocabulary';
import type { ClockState } from '../run/sut-clock';
import type { Hit } from '../servers/router';
import type { StsFault } from '../servers/sts';
import type { HarnessClient } from './harness-client';

/** The fakes a bot's reply may reach. */
export const REPLY_SERVERS = ['front', 'attacker', 'plain-connector', 'untrusted-connector'] as const;
export type ReplyServer = (typeof REPLY_SERVERS)[number];

export interface Bearer {
  /** The Authorization header as sent. */
  header?: string;
  /** The token after "Bearer " (the header's scheme checked case-sensitively). */
  token?: string;
  /** Fingerprint of the token (tokenFingerprint), compared with the STS's issued ones. */
  fingerprint?: string;
}

export interface ReplyHit {
  server: ReplyServer;
  hit: Hit;
  bearer: Bearer;
  /** The fake Connector's verdict on the bearer (front and plain-connector verify it). */
  accepted?: boolean;
  problem?: string;
}

export interface StsRequest {
  hit: Hit;
  issued: boolean;
  /** The issued token's fingerprint and lifetime (expires_in). */
  token?: string;
  expiresIn?: number;
  form: URLSearchParams;
}

/** One activity sent to the bot and what followed from it. */
export interface Exchange {
  conversation: string;
  serviceUrl: string;
  status?: number;
  error?: string;
  /** Requests for this conversation at the Connector, the decoy, the plain-HTTP Connector and the untrusted-certificate one. */
  replies: ReplyHit[];
  /** Token requests the STS received between the activity's sending and the end of the wait. */
  sts: StsRequest[];
}

export interface SendOptions {
  /** The activity's serviceUrl (and the token's serviceurl claim, unless claimServiceUrl says otherwise); default the Connector. */
  serviceUrl?: (urls: Record<string, string>) => string;
  claimServiceUrl?: (urls: Record<string, string>) => string;
  /** The conversation id's prefix (`redirect-` makes the Connector redirect the reply to the decoy). */
  conversationPrefix?: string;
  /** How long to wait for a reply (default profiles/bot-outbound/runner.ts's REPLY_WAIT_MS). */
  waitMs?: number;
}

export interface OutboundContext {
  h: HarnessClient;
  send(opts?: SendOptions): Promise<Exchange>;
  /** Changes the fake STS (the lifetime of the tokens it issues, a fault); `after` restores it whatever the outcome. */
  sts(change: { lifetimeSeconds?: number; fault?: StsFault | null }): Promise<void>;
  /** How many TLS connections the STS's server (the front: the Connector's too) has had so far. */
  stsTlsConnections(): Promise<number>;
  /** Moves the SUT's clock ahead; a verdict of `moot` is due when the SUT did not acknowledge it. */
  advanceClock(ms: number): Promise<ClockState>;
  /** Every token the STS has issued in the run, by fingerprint. */
  issuedTokens(): Promise<Map<string, StsRequest>>;
  /** The token requests the fake STS has received (since a time), as it recorded them. */
  tokenRequests(since?: number): Promise<Hit[]>;
  sutGone(): Promise<string | undefined>;
  /** Whether the bot is still up, proven by an answer: a request it must answer (no token, so refused)
   *  is sent, and the reason it is gone comes back when it does not answer. A crash that follows a
   *  fault by a few milliseconds is seen, where a look at the process alone could come too early. */
  stillUp(): Promise<string | undefined>;
  /** The positive control's exchange (sent once per worker). */
  control: Exchange;
  notes: string[];
}

export interface OutboundCaseSpec {
  /** Judged on the positive control's own exchange: needs that exchange, not its success. */
  onControl?: boolean;
  /** The world it runs in when the run can start one (a --sut command): a bot of its own against
   *  fakes of its own, started with the run, its own positive control sent first; the cases naming
   *  the same world share that bot, one at a time in catalog order, and the worlds run side by side
   *  with the run's bot, so that their waits (a reply that must not come, an STS fault, a
   *  short-lived token) overlap. Such a case needs nothing of the cases before it in the catalog
   *  but those of its world. Without a command (--target) it runs on the run's bot, in catalog order
   *  with the others. */
  world?: string;
  run(ctx: OutboundContext): Promise<CheckFinding>;
}
