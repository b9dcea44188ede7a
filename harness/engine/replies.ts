// Counting what a SUT sent back to the fake Connector for one activity's conversation: the
// evidence that it processed (or did not process) that activity.
import { setTimeout as sleep } from 'node:timers/promises';
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

/** Replies to an accepted activity, waiting a little for one to arrive. */
export async function awaitReplies(h: HarnessClient, activity: Record<string, unknown>): Promise<number> {
  const until = Date.now() + CONTROL_REPLY_WAIT_MS;
  for (;;) {
    const n = await countReplies(h, activity);
    if (n > 0 || Date.now() >= until) return n;
    await sleep(100);
  }
}

/** Waits out the grace period in which a reply sent after the HTTP answer (fire and forget) still counts. */
export const graceForStrayReplies = async (): Promise<void> => {
  await sleep(STRAY_REPLY_GRACE_MS);
};
