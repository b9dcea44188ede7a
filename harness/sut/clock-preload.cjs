'use strict';
// SUT clock control for Node SUTs, loaded with NODE_OPTIONS=--require <abs path>/clock-preload.cjs.
// No dependencies: it runs inside arbitrary SUT processes before their own code.
//
//   S2S_CLOCK_FILE  file holding the number of milliseconds the SUT's clock is ahead of real time
//
// Key-cache cases need time to pass for the SUT (a 24 h cache, an hourly refresh limit) without
// waiting for it: the harness writes a larger offset, and Date.now() / new Date() move ahead, and
// so does performance.now(), which TTL caches such as lru-cache (under jwks-rsa) read. Timers are
// left alone: a SUT's pending timeouts fire when they would have. Whenever
// a new offset takes effect, it is written back to <file>.seen, so the harness knows this
// process's clock really moved (a SUT in another language never acknowledges, and cases that
// need its clock moved are reported inconclusive).
const fs = require('fs');

const file = process.env.S2S_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  const realNow = RealDate.now;
  let offset = 0;
  let acknowledged = false; // the first read is acknowledged too (an offset of 0), so the harness's first wait is short
  let readAt = -Infinity;
  const currentOffset = () => {
    const now = realNow();
    if (now - readAt > 50) { // at most 20 reads a second, however often the SUT asks the time
      readAt = now;
      let next = offset;
      try { next = Number(fs.readFileSync(file, 'utf8')) || 0; } catch { /* no file yet: no offset */ }
      if (next !== offset || !acknowledged) {
        offset = next;
        acknowledged = true;
        try { fs.writeFileSync(`${file}.seen`, String(offset)); } catch { /* not fatal */ }
      }
    }
    return offset;
  };
  function ShiftedDate (...args) {
    if (!new.target) return new RealDate(realNow() + currentOffset()).toString();
    return Reflect.construct(RealDate, args.length ? args : [realNow() + currentOffset()], new.target);
  }
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = () => realNow() + currentOffset();
  ShiftedDate.parse = RealDate.parse;
  ShiftedDate.UTC = RealDate.UTC;
  Object.setPrototypeOf(ShiftedDate, RealDate);
  globalThis.Date = ShiftedDate;
  const { performance } = require('perf_hooks');
  const realPerformanceNow = performance.now.bind(performance);
  performance.now = () => realPerformanceNow() + currentOffset();
  // An idle SUT asks no time; poll anyway so the harness's acknowledgement wait is short.
  setInterval(currentOffset, 100).unref();
}
