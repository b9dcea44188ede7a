// What an answer to a mutant means. Every mutant must be refused, so a refusal (any 4xx) is the
// only fine answer; 3xx is left alone too (a redirect to a login page grants nothing by itself).
export type FindingKind = 'accepted' | 'server-error' | 'no-answer' | 'crashed';

/** The smallest request-header limit common servers ship with (Apache's 8190-byte field, nginx's 8k
 *  buffers; Node's is 16 KiB). Above it a server may refuse by closing the connection: Node answers 431
 *  and closes with the rest of the request unread, so the client often sees a reset, not the 431. */
export const HEADER_LIMIT_BYTES = 8 * 1024;

export interface Answer {
  status?: number;
  /** Set when no HTTP answer came (timeout, connection refused or reset). */
  error?: string;
  errorKind?: 'timeout' | 'connection';
  /** Size of the request line and headers as sent. */
  headBytes?: number;
  /** The SUT process had exited after this request. */
  sutExited?: boolean;
}

export function classify(a: Answer): FindingKind | undefined {
  if (a.sutExited) return 'crashed';
  if (a.error !== undefined || a.status === undefined) {
    // An over-long request cut off by the server is a refusal; a hang is still a finding.
    if (a.errorKind === 'connection' && (a.headBytes ?? 0) > HEADER_LIMIT_BYTES) return undefined;
    return 'no-answer';
  }
  if (a.status >= 200 && a.status < 300) return 'accepted';
  if (a.status >= 500) return 'server-error';
  return undefined;
}
