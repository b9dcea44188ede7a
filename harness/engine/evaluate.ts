// The verdict of one case from what was observed: a pure function, so it is unit-tested on its own.
import type { AnswerChecks, CaseBase, CaseResult, Outcome } from './case-model';
import { positiveControlVerdict, type ControlResult, type ControlWording } from './positive-control';

export interface Observation {
  controlStatus?: number;
  controlError?: string;
  status?: number;
  error?: string;
  attackerFetches?: number;
  requiredFetches?: number;
  controlReplies?: number;
  replies?: number;
  /** actionRecord cases: records of the action that name the forged token's user. */
  forgedRecords?: number;
  responseProblem?: string;
  firstStatus?: number;
  fetches?: number;
  attempts?: number;
  sutGone?: string;
  /** The case's request got no answer: the SUT closed or broke the connection, and then answered a
   *  plain request, so its process still serves (a handler that destroyed the socket or crashed on
   *  this one request). Not an acceptance, and a robustness failure, judged like a 5xx refusal. */
  dropped?: string;
  /** The positive control got no answer so, on a SUT that still serves: the control failed. */
  controlDropped?: string;
  /** staysUpAfterRefusal: after answering the case's refusal, the SUT answered no plain request (why). */
  goneAfterRefusal?: string;
}

/** How a dropped connection reads in reasons and evidence. */
export const droppedConnection = (error: string) => `connection dropped without an answer (${error.replace(/^could not reach the SUT: /, '')})`;

export const isAccept = (status: number) => status >= 200 && status < 300;

/** An inbound case's positive control: the path's valid token, sent just before the case's request. */
export const inboundControl = (o: Pick<Observation, 'controlStatus' | 'controlError' | 'controlDropped'>): ControlResult =>
  o.controlError ? { error: o.controlError } : o.controlDropped ? { problem: `got no answer: ${droppedConnection(o.controlDropped)}` } : o.controlStatus === undefined || !isAccept(o.controlStatus) ? { problem: `got ${o.controlStatus}, not 2xx` } : {};

/** The inbound cases' reasons, as results.json has always given them. */
const INBOUND_CONTROL_WORDING: ControlWording = {
  erred: (error) => `positive control: ${error}`,
  failed: (problem) => `the positive control (the valid token for this path) ${problem}, so a rejection here proves nothing`,
};

export function evaluate(def: Pick<CaseBase, 'expect' | 'isControl'> & AnswerChecks, o: Observation): { outcome: Outcome; reason: string; observed: CaseResult['observed'] } {
  const observed: CaseResult['observed'] = { status: o.status, controlStatus: o.controlStatus };
  if (o.sutGone) return { outcome: 'error', reason: o.sutGone, observed };
  const blocked = positiveControlVerdict(def.isControl, [inboundControl(o)], INBOUND_CONTROL_WORDING);
  if (blocked) return { ...blocked, observed };
  // What a refused request must not cause (a reply, a record of the action) proves something only if the control caused it.
  if ((def.noReplyAfterRefusal || def.actionRecord) && !def.isControl) {
    observed.controlReplies = o.controlReplies ?? 0;
    if (!o.controlReplies)
      return {
        outcome: 'inconclusive',
        reason: def.actionRecord
          ? 'the SUT recorded no action for the valid request of the positive control, so no record after a refusal proves nothing'
          : 'the SUT did not reply to the valid activity of the positive control, so its silence after a refusal proves nothing',
        observed,
      };
  }
  if (o.error || (o.status === undefined && !o.dropped)) return { outcome: 'error', reason: o.error ?? 'no response', observed };

  // A dropped connection is no acceptance (unless another of the case's requests was accepted) and a
  // robustness failure, judged as a refusal answered 5xx is: the case's own rule still decides.
  const accepted = o.status !== undefined && isAccept(o.status);
  observed.accepted = accepted;
  if (o.attackerFetches !== undefined) observed.attackerFetches = o.attackerFetches;
  if (o.requiredFetches !== undefined) observed.requiredFetches = o.requiredFetches;
  const refusal = o.status === undefined ? droppedConnection(o.dropped!) : `refused (${o.status})`;
  if (o.dropped) {
    observed.robustness = { verdict: 'fail', detail: `${droppedConnection(o.dropped)}: a robustness failure${accepted ? '' : '; the token was not accepted'}` };
  } else if (!accepted && o.status !== undefined) {
    const properRefusal = o.status === 401 || o.status === 403 || (def.anyClientErrorRefuses === true && o.status >= 400 && o.status < 500);
    if (!properRefusal)
      observed.robustness =
        o.status >= 500
          ? { verdict: 'fail', detail: `answered ${o.status}: a server error on a refused token (robustness failure; the token was still refused)` }
          : { verdict: 'warn', detail: `answered ${o.status}: refusals should be ${def.anyClientErrorRefuses ? 'a 4xx' : '401 or 403'}` };
  }
  if (o.replies !== undefined) observed.replies = o.replies;
  if (o.firstStatus !== undefined) observed.firstStatus = o.firstStatus;
  if (o.attempts !== undefined) observed.attempts = o.attempts;
  if (def.fetchBudget && o.fetches !== undefined) {
    observed.fetches = o.fetches;
    const { requests, max, pathIncludes } = def.fetchBudget;
    if (o.fetches > max) return { outcome: 'fail', reason: `fetched ${pathIncludes} ${o.fetches} times for ${requests} valid requests (at most ${max} expected: cache it)`, observed };
  }
  if (!accepted && o.replies && def.actionRecord) return { outcome: 'fail', reason: `${refusal} but still carried out the action: ${o.replies} ${def.actionRecord.describe}`, observed };
  if (!accepted && o.replies) return { outcome: 'fail', reason: `${refusal} but still processed the activity: ${o.replies} reply(ies) to its conversation reached the Connector`, observed };
  if (o.forgedRecords && def.actionRecord)
    return { outcome: 'fail', reason: `${accepted ? `accepted (${o.status})` : refusal} and carried out the action as ${def.actionRecord.forbiddenSub}, the user named by the token that does not verify`, observed };
  if (!accepted && o.goneAfterRefusal) return { outcome: 'fail', reason: `${refusal}, then stopped serving: ${o.goneAfterRefusal} (one response per request, and later requests still served)`, observed };
  if (o.attackerFetches) return { outcome: 'fail', reason: `the SUT sent ${o.attackerFetches} request(s) to the attacker's server named in the token or the activity`, observed };

  if (accepted && def.mustHaveFetched && !o.requiredFetches)
    return { outcome: 'fail', reason: `accepted (${o.status}) without ever fetching ${def.mustHaveFetched.path}: its keys came from somewhere else`, observed };
  // No answer at all: the condition on the answer cannot hold (an informational check notes it).
  const responseProblem = o.status === undefined && def.responseCheck ? 'no answer (connection dropped)' : o.responseProblem;
  if (responseProblem && def.responseCheck?.informational) {
    observed.note = responseProblem;
  } else if (responseProblem && def.responseCheck) {
    observed.responseProblem = responseProblem;
    if (def.expect === 'either') return { outcome: 'pass', reason: `informational: ${def.responseCheck.describe}: ${responseProblem}`, observed };
    return { outcome: 'fail', reason: `${accepted ? `accepted (${o.status})` : refusal}, but ${def.responseCheck.describe}: ${responseProblem}`, observed };
  }
  switch (def.expect) {
    case 'reject':
      return accepted ? { outcome: 'fail', reason: `accepted (${o.status}) a token it must refuse`, observed } : { outcome: 'pass', reason: o.status === undefined ? `not accepted: ${refusal}; a robustness failure` : refusal, observed };
    case 'accept':
      return accepted ? { outcome: 'pass', reason: `accepted (${o.status})` , observed } : { outcome: 'fail', reason: `${o.status === undefined ? `${refusal} for a token it should accept` : `refused (${o.status}) a token it should accept`}${o.attempts && o.attempts > 1 ? `, ${o.attempts} times in a row` : ''}`, observed };
    case 'either': {
      const what = accepted ? 'accepted' : o.status === undefined ? 'no answer (connection dropped)' : 'refused';
      const extra = observed.note; // an informational check's finding
      observed.note = extra ? `${what}; ${extra}` : what;
      return { outcome: 'pass', reason: `informational: ${what}${o.status === undefined ? '' : ` (${o.status})`}; either is allowed${extra ? `; ${extra}` : ''}`, observed };
    }
  }
}
