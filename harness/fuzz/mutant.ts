// Mutant i of a fuzz run, rebuilt from (seed, i) alone: fast-check draws the plan (1–3 distinct
// mutators and their parameters) from mix(seed, i), the baseline's nonce comes from the same seed,
// and `now` is fixed for the run, so the same world gives byte-identical requests. RSA PKCS#1 v1.5
// signatures are deterministic, so re-signing does not break this.
import fc from 'fast-check';
import { renderRequest } from '../engine/run-case';
import type { RunState } from '../run/state';
import { renderToken, type CaseDraft, type TokenDraft } from '../tokens/draft';
import type { Mutation, MutationContext } from '../tokens/mutations';
import { BASELINES, type ProfileName } from '../../profiles/registry';
import { MUTATORS, type Mutator } from './mutators';
import { mix, withSeededRandom } from './seed';

/** What a mutant is built against: the run's keys and servers, the baseline path and the frozen clock. */
export interface FuzzWorld {
  state: RunState;
  /** One of BASELINES[profile].paths. */
  path: string;
  /** Unix seconds every token of the run is minted at (recorded in fuzz.json as `now`). */
  now: number;
}

export interface RenderedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface Mutant {
  index: number;
  seed: number;
  /** Mutator names, in the order applied. */
  mutators: string[];
  /** What was done, one clause per mutator. */
  description: string;
  token: string;
  request: RenderedRequest;
}

interface PlanStep {
  mutator: Mutator;
  params: unknown;
}

const MAX_MUTATORS = 3;

/** 1–3 distinct mutators (a mutator twice could undo itself), each with drawn parameters. */
const planArb: fc.Arbitrary<PlanStep[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: MUTATORS.length - 1 }), { minLength: 1, maxLength: MAX_MUTATORS })
  .chain((picked) => fc.tuple(...picked.map((i) => MUTATORS[i].params.map((params): PlanStep => ({ mutator: MUTATORS[i], params })))));

function planOf(seed: number, index: number, attempt: number): PlanStep[] {
  const planSeed = attempt === 0 ? mix(seed, index) : mix(mix(seed, index), attempt);
  const plan = fc.sample(planArb, { seed: planSeed, numRuns: 1 })[0];
  // Field edits, then raw JSON (which freezes the fields), then string edits of the signed token.
  return plan.map((step, order) => ({ step, order })).sort((a, b) => a.step.mutator.stage - b.step.mutator.stage || a.order - b.order).map((x) => x.step);
}

/** The token that carries a signature: the S2S app+user outer token is unsigned, its actor is not. */
function signedTokenOf(draft: CaseDraft): TokenDraft {
  return draft.token.signWith.kind === 'none' && draft.token.embed ? draft.token.embed.token : draft.token;
}

function contextOf(world: FuzzWorld, caseId: string): MutationContext {
  return { keys: world.state.keys, attackerOrigin: world.state.urls.attacker, caseId, now: world.now };
}

function baselineDraft(world: FuzzWorld, seed: number, caseId: string): CaseDraft {
  const { baseline } = BASELINES[world.state.profile as ProfileName];
  return withSeededRandom(seed, () => baseline(world.path, contextOf(world, caseId), world.state));
}

/** The unmutated valid request of the run (sent first: if it is refused, nothing can be concluded). */
export function buildValidRequest(world: FuzzWorld, seed: number): { token: string; request: RenderedRequest } {
  const draft = baselineDraft(world, mix(seed, -1), `fuzz-${seed}-valid`);
  const token = renderToken(draft.token, world.state.keys);
  return { token, request: renderRequest(draft, token, world.state.sutUrl) };
}

/** Composed edits can undo each other (a segment repeated, then removed; "==" appended, then cut
 *  off): such a plan gives back the valid token, so it is redrawn, from (seed, index) still. */
const MAX_ATTEMPTS = 10;

/** Mutant `index` of the run with `seed`: depends on (seed, index) and the world only. */
export function buildMutant(world: FuzzWorld, seed: number, index: number): Mutant {
  const caseId = `fuzz-${seed}-${index}`;
  const ctx = contextOf(world, caseId);
  let valid: string | undefined;
  for (let attempt = 0; ; attempt++) {
    const draft = baselineDraft(world, mix(seed, index), caseId);
    valid ??= renderToken(draft.token, world.state.keys); // rendering reads the draft, never changes it
    const target = signedTokenOf(draft);
    const onTarget = { token: target, request: draft.request };
    const trustedKey = target.signWith.kind === 'key' ? target.signWith.key : Object.keys(world.state.keys)[0];
    const applied: Mutation[] = [];
    const plan = planOf(seed, index, attempt);
    for (const { mutator, params } of plan) {
      const mutation = mutator.mutation(params, { trustedKey });
      mutation.apply(onTarget, ctx);
      applied.push(mutation);
    }
    const token = renderToken(draft.token, world.state.keys);
    if (token === valid && attempt + 1 < MAX_ATTEMPTS) continue;
    if (token === valid) throw new Error(`mutant ${index} of seed ${seed}: ${MAX_ATTEMPTS} plans in a row gave back the valid token`);
    const prefix = target === draft.token ? '' : 'actor token: ';
    return {
      index,
      seed,
      mutators: plan.map((s) => s.mutator.name),
      description: prefix + applied.map((x) => x.describe).join('; '),
      token,
      request: renderRequest(draft, token, world.state.sutUrl),
    };
  }
}
