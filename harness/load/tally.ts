// Sorts each answer of a load run into the counts of load.json and keeps the first findings as
// evidence. Every planned request ends in exactly one count (notSent for those an abort left over).
import { REDACTED, redactText } from '../results/redact';
import { DECOY_DESCRIPTION } from './decoy';
import type { PlannedRequest } from './plan';
import type { Answer } from './sender';

export const FINDINGS_KEPT = 50;
const BODY_QUOTED_CHARS = 160;

export interface LoadCounts {
  /** Valid requests sent, and how they ended when answered with neither 2xx nor 5xx. */
  validSent: number;
  accepted: number;
  refused: number;
  decoysSent: number;
  decoysRefused: number;
  decoysAccepted: number;
  /** 5xx answers, timeouts and connection errors: valid requests and decoys alike. */
  serverErrors: number;
  timeouts: number;
  connectionErrors: number;
  /** Requests never sent (the SUT died, or the run was interrupted). */
  notSent: number;
}

export type FindingKind = 'decoy accepted' | 'valid refused' | 'server error' | 'no answer';

export interface LoadFinding {
  index: number;
  kind: FindingKind;
  status?: number;
  detail: string;
}

export class LoadTally {
  readonly counts: LoadCounts = { validSent: 0, accepted: 0, refused: 0, decoysSent: 0, decoysRefused: 0, decoysAccepted: 0, serverErrors: 0, timeouts: 0, connectionErrors: 0, notSent: 0 };
  readonly findings: LoadFinding[] = [];
  findingsTotal = 0;
  /** Latencies of the accepted valid requests: a fast refusal is no measure of serving. */
  readonly acceptedMs: number[] = [];

  /** secrets: values no finding may quote (the SUT's answer might echo them). */
  constructor(private readonly secrets: string[]) {}

  record(r: PlannedRequest, a: Answer): void {
    const c = this.counts;
    const what = r.decoy ? `decoy (${DECOY_DESCRIPTION})` : 'valid request';
    if (r.decoy) c.decoysSent++;
    else c.validSent++;
    if (a.kind !== 'answer') {
      if (a.kind === 'timeout') c.timeouts++;
      else c.connectionErrors++;
      return this.find({ index: r.index, kind: 'no answer', detail: `${what}: ${a.message}` });
    }
    const answered = `${what} answered HTTP ${a.status}${this.quote(a.body)}`;
    if (a.status >= 500) {
      c.serverErrors++;
      return this.find({ index: r.index, kind: 'server error', status: a.status, detail: answered });
    }
    const accepted = a.status >= 200 && a.status < 300;
    if (r.decoy) {
      if (!accepted) return void c.decoysRefused++;
      c.decoysAccepted++;
      return this.find({ index: r.index, kind: 'decoy accepted', status: a.status, detail: answered });
    }
    if (accepted) {
      c.accepted++;
      this.acceptedMs.push(a.ms);
      return;
    }
    c.refused++;
    this.find({ index: r.index, kind: 'valid refused', status: a.status, detail: answered });
  }

  /** Requests recorded so far (every sent request is recorded once answered or given up on). */
  sent(): number {
    return this.counts.validSent + this.counts.decoysSent;
  }

  /** Everything that makes the run fail: valid requests not accepted, 5xx, no answer. */
  errors(): number {
    const c = this.counts;
    return c.refused + c.serverErrors + c.timeouts + c.connectionErrors;
  }

  private find(f: LoadFinding): void {
    this.findingsTotal++;
    if (this.findings.length < FINDINGS_KEPT) this.findings.push(f);
  }

  /** The start of an answer's body, redacted before it is cut (so no secret survives half-cut). */
  private quote(body: string): string {
    // A private key cut off by the kept-bytes limit has no END line for redactText to find.
    const text = redactText(body, this.secrets).replace(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*$/, REDACTED).replace(/\s+/g, ' ').trim();
    if (!text) return '';
    return `: ${text.length > BODY_QUOTED_CHARS ? `${text.slice(0, BODY_QUOTED_CHARS)}…` : text}`;
  }
}
