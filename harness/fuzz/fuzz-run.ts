// The fuzzing loop against a started run: the valid request first (if it is refused nothing can be
// concluded), then mutant 0, 1, ... until the count, the time limit, a crash or an interruption.
// Each answer is classified on its own; the SUT's process state is looked at after every request.
import { send, SendError } from '../engine/http-send';
import { redactText } from '../results/redact';
import type { SutState } from '../servers/control';
import { classify, HEADER_LIMIT_BYTES, type Answer } from './classify';
import { RESPONSE_BODY_CHARS, type Finding, type StoppedBy } from './fuzz-file';
import { buildMutant, buildValidRequest, type FuzzWorld, type RenderedRequest } from './mutant';
import { curlCommand } from './replay';

export interface FuzzLoopInput {
  world: FuzzWorld;
  seed: number;
  count: number;
  timeLimitS: number;
  /** Per request (RunConfig.timeoutMs): no answer within it is a `no-answer` finding. */
  timeoutMs: number;
  sutState: () => SutState;
  /** Redacted out of response bodies and error texts before they are kept. */
  secrets: string[];
  /** Aborted on SIGINT/SIGTERM: the loop stops after the request in flight. */
  signal?: AbortSignal;
  onFinding?: (finding: Finding) => void;
}

export interface FuzzLoopResult {
  control: { status?: number; body?: string; error?: string };
  /** Why nothing could be concluded (the valid request was refused or got no answer). */
  error?: string;
  sent: number;
  stoppedBy: StoppedBy;
  findings: Finding[];
}

interface Exchange extends Answer {
  body?: string;
}

/** How long a connection error waits for the SUT's exit to be noticed (the exit event may lag the reset). */
const EXIT_GRACE_MS = 500;

async function exitedSoon(sutState: () => SutState): Promise<SutState | undefined> {
  const until = Date.now() + EXIT_GRACE_MS;
  for (;;) {
    const s = sutState();
    if (s.status === 'exited') return s;
    if (s.status === 'external' || Date.now() >= until) return undefined;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Bytes of the request line and headers as node:http writes them. */
const headBytesOf = (req: RenderedRequest): number =>
  Buffer.byteLength(`${req.method} ${new URL(req.url).pathname}${new URL(req.url).search} HTTP/1.1\r\n`) + Object.entries(req.headers).reduce((n, [k, v]) => n + Buffer.byteLength(`${k}: ${v}\r\n`), 0);

async function exchange(req: RenderedRequest, input: FuzzLoopInput): Promise<Exchange> {
  const clean = (s: string) => redactText(s, input.secrets);
  const headBytes = headBytesOf(req);
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await send(req.method, req.url, req.headers, req.body, input.timeoutMs);
      const gone = input.sutState().status === 'exited';
      return { status: res.status, body: clean(res.body).slice(0, RESPONSE_BODY_CHARS), sutExited: gone };
    } catch (err) {
      const message = clean((err as Error).message);
      const gone = await exitedSoon(input.sutState);
      if (gone) return { error: `${message}; ${gone.reason ?? 'the SUT exited'}`, sutExited: true };
      const errorKind = err instanceof SendError ? err.kind : 'connection';
      // Once more on a fresh connection: the keep-alive agent may have picked a socket the SUT was closing.
      if (errorKind === 'connection' && attempt === 1 && headBytes <= HEADER_LIMIT_BYTES) continue;
      return { error: message, errorKind, headBytes };
    }
  }
}

export async function fuzzLoop(input: FuzzLoopInput): Promise<FuzzLoopResult> {
  const { world, seed, count } = input;
  const findings: Finding[] = [];

  const valid = buildValidRequest(world, seed);
  const c = await exchange(valid.request, input);
  const control = { ...(c.status !== undefined ? { status: c.status, body: c.body ?? '' } : {}), ...(c.error ? { error: c.error } : {}) };
  if (c.status === undefined || c.status < 200 || c.status >= 300) {
    const why = c.status !== undefined ? `the SUT refused the valid request (HTTP ${c.status})` : `the valid request got no answer (${c.error})`;
    return { control, error: `${why}: nothing can be concluded`, sent: 0, stoppedBy: c.sutExited ? 'crash' : 'error', findings };
  }

  const deadline = Date.now() + input.timeLimitS * 1000;
  let sent = 0;
  let stoppedBy: StoppedBy = 'count';
  for (let index = 0; index < count; index++) {
    if (input.signal?.aborted) {
      stoppedBy = 'interrupted';
      break;
    }
    if (Date.now() >= deadline) {
      stoppedBy = 'time';
      break;
    }
    const mutant = buildMutant(world, seed, index);
    const answer = await exchange(mutant.request, input);
    sent++;
    const kind = classify(answer);
    if (kind) {
      const finding: Finding = {
        index,
        seed,
        kind,
        mutators: mutant.mutators,
        description: mutant.description,
        request: mutant.request,
        ...(answer.status !== undefined ? { response: { status: answer.status, body: answer.body ?? '' } } : {}),
        ...(answer.error ? { error: answer.error } : {}),
        replay: curlCommand(mutant.request),
      };
      findings.push(finding);
      input.onFinding?.(finding);
    }
    if (answer.sutExited) {
      stoppedBy = 'crash';
      break;
    }
  }
  return { control, sent, stoppedBy, findings };
}
