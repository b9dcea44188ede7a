// Counting what a SUT sent back to the fake Connector for one activity's conversation, or the
// records of an action it carried out (Actionable Messages): the evidence that it processed (or did
// not process) that request.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActionRecordCheck } from './case-model';
import { waitOnPurpose } from './deliberate-wait';
import type { HarnessClient } from './harness-client';

/** How long a refused request's stray reply may lag behind the refusal and still be counted. */
export const STRAY_REPLY_GRACE_MS = 1000;
/** How long a reply to an accepted control may take to arrive (some bots reply after answering). */
const CONTROL_REPLY_WAIT_MS = 1500;


/** The fake server (by its run-state name) that a serviceUrl points at, if any. */
export function serverOf(serviceUrl: unknown, urls: Record<string, string>): string | undefined {
  if (typeof serviceUrl !== 'string') return undefined;
  return Object.entries(urls).find(([, origin]) => serviceUrl.startsWith(`${origin}/`))?.[0];
}

export async function countReplies(h: HarnessClient, activity: Record<string, unknown>): Promise<number> {
  const server = serverOf(activity.serviceUrl, h.state.urls);
  const conversation = (activity.conversation as { id?: unknown } | undefined)?.id;
  if (!server || typeof conversation !== 'string') return 0;
  const hits = await h.hits(server, `/v3/conversations/${encodeURIComponent(conversation)}/activities`);
  return hits.filter((x) => x.method === 'POST' || x.method === 'PUT').length;
}

/** Records of the action a request asked for, at the fake an ActionRecordCheck names (and how many name `forbiddenSub`). */
export async function countActionRecords(h: HarnessClient, check: ActionRecordCheck, activity: Record<string, unknown>): Promise<{ records: number; forged: number }> {
  const at = check.pathOf(activity);
  if (!at) return { records: 0, forged: 0 };
  const hits = (await h.hits(check.server, at)).filter((x) => x.method === 'POST');
  const subOf = (body: string): unknown => {
    try {
      return (JSON.parse(body) as { sub?: unknown }).sub;
    } catch {
      return undefined;
    }
  };
  return { records: hits.length, forged: check.forbiddenSub === undefined ? 0 : hits.filter((x) => subOf(x.body) === check.forbiddenSub).length };
}

/** Replies to an accepted activity (or, with a check, records of its action), waiting a little for one to arrive. */
export async function awaitReplies(h: HarnessClient, activity: Record<string, unknown>, check?: ActionRecordCheck): Promise<number> {
  const until = Date.now() + CONTROL_REPLY_WAIT_MS;
  for (;;) {
    const n = check ? (await countActionRecords(h, check, activity)).records : await countReplies(h, activity);
    if (n > 0 || Date.now() >= until) return n;
    await sleep(100);
  }
}

/** Waits out the whole grace period in which a reply sent after the HTTP answer (fire and forget)
 *  still counts: for a stray reply to another host than the Connector (an attacker's serviceUrl), which
 *  no barrier can prove absent: a reply to a host the SUT already talks to can overtake one that must
 *  first open a connection (handler-before-auth's stray reply reached the attacker after a later
 *  request's reply reached the Connector). */
export async function graceForStrayReplies(): Promise<string> {
  await waitOnPurpose(STRAY_REPLY_GRACE_MS);
  return `waited ${STRAY_REPLY_GRACE_MS} ms: a reply to another host than the Connector is not proven absent by a later request's reply`;
}

/** A later valid request, and the activity whose reply (or action record) it should cause. */
export interface Barrier {
  req: { method: string; url: string; headers: Record<string, string>; body: string };
  activity: Record<string, unknown>;
}

/** After a request that must cause no reply (or action): how long to wait before counting them. A
 *  SUT handles requests in the order they come; so once a LATER valid request has been answered and
 *  its reply (or record) has arrived, a reply the earlier one caused has arrived too. The grace
 *  period stays the bound (and the whole wait for a SUT that does not reply, or refuses the barrier).
 *  Only for replies to the Connector (graceForStrayReplies for another host). */
export async function waitForStrayReplies(h: HarnessClient, barrier: Barrier, check?: ActionRecordCheck): Promise<string> {
  const started = Date.now();
  const until = started + STRAY_REPLY_GRACE_MS;
  let status: number | undefined;
  try {
    status = (await h.sendToSut(barrier.req.method, barrier.req.url, barrier.req.headers, barrier.req.body)).status;
  } catch {
    status = undefined;
  }
  if (status !== undefined && status < 300) {
    for (;;) {
      const n = check ? (await countActionRecords(h, check, barrier.activity)).records : await countReplies(h, barrier.activity);
      if (n > 0) return `a later valid request was answered (${status}) and its ${check ? 'action was recorded' : 'reply arrived'} ${Date.now() - started} ms after the answer to this one`;
      if (Date.now() >= until) break;
      await sleep(20);
    }
  }
  const left = until - Date.now();
  if (left > 0) await waitOnPurpose(left);
  return `waited ${STRAY_REPLY_GRACE_MS} ms (a later valid request ${status === undefined ? 'got no answer' : status >= 300 ? `was refused (${status})` : 'caused no reply in that time'})`;
}
