// Sending a positive control (inbound and key-lifecycle cases alike): no answer to the valid token
// is the control failing when the SUT still serves, and the SUT gone when it does not.
import { droppedConnection, type Observation } from './evaluate';
import type { HarnessClient } from './harness-client';
import { isNoAnswer } from './http-send';

type ControlObservation = Pick<Observation, 'controlStatus' | 'controlError' | 'controlDropped' | 'sutGone'>;

/** Sends the control's request and records what came of it in `o`; true when it was answered. */
export async function sendControl(h: HarnessClient, req: { method: string; url: string; headers: Record<string, string>; body: string }, o: ControlObservation): Promise<boolean> {
  try {
    o.controlStatus = (await h.sendToSut(req.method, req.url, req.headers, req.body)).status;
    return true;
  } catch (err) {
    if (isNoAnswer(err) && !(o.sutGone = await h.goneAfterNoAnswer())) o.controlDropped = err.message;
    else {
      o.controlError = (err as Error).message;
      o.sutGone ??= await h.sutGone();
    }
    return false;
  }
}

/** The control's evidence: its status, or why it has none. */
export const controlEvidence = (o: ControlObservation): { status?: number; error?: string } => ({
  status: o.controlStatus,
  error: o.controlError ?? (o.controlDropped && droppedConnection(o.controlDropped)),
});
