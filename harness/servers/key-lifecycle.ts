// The life of a key set, steered by cases through the control API: keys published and withdrawn,
// and faults of the key server (an error status, a hang, broken JSON, a jwks_uri over plain HTTP or
// to a server with an untrusted certificate, or just a slow answer). The key-lifecycle cases run one at a time, after all
// other cases, so a fault never reaches a case it was not meant for.
import type { FakeReply, FakeRequest, Router } from './router';

export const FAULT_KINDS = ['status-500', 'hang', 'malformed-json', 'plain-http-jwks-uri', 'untrusted-tls-jwks-uri', 'slow'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export interface KeyFault {
  target: 'metadata' | 'jwks';
  kind: FaultKind;
}
export interface LifecycleCommand {
  publish?: string[];
  withdraw?: string[];
  /** null clears the fault. */
  fault?: KeyFault | null;
}
export interface LifecycleState {
  published: string[];
  fault: KeyFault | null;
}

/** How long a hung answer is held at most (a case clears its fault well before). */
const HANG_MS = 30_000;
/** A slow key server (not a fault: a far one): long enough for a burst of requests to all miss the cache before the first refresh completes. */
const SLOW_MS = 300;

export class KeySetLifecycle {
  private readonly published: Set<string>;
  private fault: KeyFault | null = null;
  private readonly hung = new Set<() => void>();
  /** Where the jwks_uri faults point: key servers over plain HTTP and with an untrusted certificate. */
  private altJwksUris = { plainHttp: '', untrustedTls: '' };

  constructor(initiallyPublished: string[], private readonly known: (name: string) => boolean) {
    this.published = new Set(initiallyPublished);
  }

  useAltJwksUris(uris: { plainHttp: string; untrustedTls: string }): void {
    this.altJwksUris = uris;
  }

  /** A metadata document's answer under the current fault: a faulty reply, or the jwks_uri it names. */
  async metadataAnswer(usualJwksUri: string): Promise<{ reply?: FakeReply; jwksUri: string }> {
    const kind = this.faultFor('metadata');
    const reply = kind && (await this.faultyAnswer(kind));
    if (reply) return { reply, jwksUri: usualJwksUri };
    return { jwksUri: kind === 'plain-http-jwks-uri' ? this.altJwksUris.plainHttp : kind === 'untrusted-tls-jwks-uri' ? this.altJwksUris.untrustedTls : usualJwksUri };
  }

  /** A keys document's faulty answer, or undefined for the usual one. */
  jwksAnswer(): Promise<FakeReply | undefined> {
    return this.faultyReply('jwks');
  }

  /** The faulty answer of a document that is served whole (a keys document, S2S metadata), or undefined for the usual one. */
  async faultyReply(target: KeyFault['target']): Promise<FakeReply | undefined> {
    const kind = this.faultFor(target);
    return kind ? this.faultyAnswer(kind) : undefined;
  }

  publishedNames(): string[] {
    return [...this.published];
  }

  apply(cmd: LifecycleCommand): LifecycleState {
    for (const name of [...(cmd.publish ?? []), ...(cmd.withdraw ?? [])]) if (!this.known(name)) throw new Error(`no signing key named ${name}`);
    for (const name of cmd.publish ?? []) this.published.add(name);
    for (const name of cmd.withdraw ?? []) this.published.delete(name);
    if (cmd.fault !== undefined) {
      if (cmd.fault && !FAULT_KINDS.includes(cmd.fault.kind)) throw new Error(`no fault ${cmd.fault.kind}`);
      this.fault = cmd.fault;
      if (!cmd.fault) for (const release of this.hung) release(); // a hung answer ends with the fault
    }
    return { published: this.publishedNames(), fault: this.fault };
  }

  /** The fault to play for a request to `target`, if any (the jwks_uri faults change the metadata instead). */
  faultFor(target: KeyFault['target']): FaultKind | undefined {
    return this.fault?.target === target ? this.fault.kind : undefined;
  }

  /** The answer a faulty key server gives, or undefined when the fault is not of this kind. */
  async faultyAnswer(kind: FaultKind): Promise<FakeReply | undefined> {
    switch (kind) {
      case 'status-500':
        return { status: 500, body: { error: 'server_error', message: 'injected by s2s-conformance' } };
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
        return undefined; // then the usual answer
      case 'malformed-json':
        return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"keys":[{"kty":"RSA","use":"sig","kid":' };
      case 'hang':
        await new Promise<void>((resolve) => {
          const release = () => {
            clearTimeout(timer);
            this.hung.delete(release);
            resolve();
          };
          const timer = setTimeout(release, HANG_MS);
          this.hung.add(release);
        });
        return { status: 503, body: { error: 'temporarily_unavailable' } };
      default:
        return undefined;
    }
  }

  addControlRoutes(router: Router): void {
    router.on('POST', /^\/key-lifecycle$/, (req: FakeRequest) => {
      try {
        return { status: 200, body: this.apply(JSON.parse(req.body || '{}') as LifecycleCommand) };
      } catch (err) {
        return { status: 400, body: { error: (err as Error).message } };
      }
    });
  }
}
