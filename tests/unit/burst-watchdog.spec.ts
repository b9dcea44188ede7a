// A burst of concurrent requests is timed as a whole (harness/engine/burst-watchdog.ts): a SUT that
// serves the requests one at a time answers the last one long after the run's timeout, yet it never
// stops answering; only a SUT that answers none of them for the timeout is taken as not answering.
// BF-C2B-KLC-003 (200 tokens, 20 at a time) once came out an error on a loaded machine so.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { BurstWatchdog } from '../../harness/engine/burst-watchdog';
import { send, SendError } from '../../harness/engine/http-send';

/** A server that answers one request at a time, `gapMs` apart, and after `answers` of them no more. */
async function oneAtATime(gapMs: number, answers = Infinity): Promise<{ url: string; close: () => void }> {
  const queue: http.ServerResponse[] = [];
  let served = 0;
  const timer = setInterval(() => {
    const res = queue.shift();
    if (res && served < answers) {
      served++;
      res.end('ok');
    }
  }, gapMs);
  const server = http.createServer((req, res) => {
    req.resume();
    queue.push(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => {
      clearInterval(timer);
      server.closeAllConnections();
      server.close();
    },
  };
}

async function burst(url: string, count: number, quietMs: number): Promise<Array<number | SendError>> {
  const watchdog = new BurstWatchdog(quietMs);
  try {
    return await Promise.all(
      Array.from({ length: count }, async () => {
        try {
          const res = await send('POST', url, {}, '', BurstWatchdog.requestDeadlineMs(quietMs, count), undefined, false, watchdog.signal);
          watchdog.progress();
          return res.status;
        } catch (err) {
          return err as SendError;
        }
      }),
    );
  } finally {
    watchdog.stop();
  }
}

test('a SUT that answers a burst one request at a time, past the timeout in all, has every request answered', async () => {
  const sut = await oneAtATime(250);
  try {
    const started = performance.now();
    const outcomes = await burst(sut.url, 8, 1000);
    // 8 answers 250 ms apart: the last one comes about 2 s after the burst, twice the "timeout".
    expect(performance.now() - started).toBeGreaterThan(1000);
    expect(outcomes).toEqual(Array(8).fill(200));
  } finally {
    sut.close();
  }
});

test('a SUT that stops answering in the middle of a burst: the outstanding requests end as timeouts, saying so', async () => {
  const sut = await oneAtATime(100, 3);
  try {
    const outcomes = await burst(sut.url, 8, 1000);
    expect(outcomes.filter((o) => o === 200)).toHaveLength(3);
    const ended = outcomes.filter((o): o is SendError => o instanceof SendError);
    expect(ended).toHaveLength(5);
    for (const e of ended) {
      expect(e.kind).toBe('timeout');
      expect(e.message).toBe("the SUT answered none of the burst's outstanding requests for 1000 ms");
    }
  } finally {
    sut.close();
  }
});
