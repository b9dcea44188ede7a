// Where a catalog entry was written, so that a case's Playwright test (and the HTML report's link
// for it) points at that entry instead of at define-suite.ts's one call of test(), which every case
// shared. callerLocation reads the V8 stack where an entry is made (a catalog's add function);
// entryLocation finds an entry written as a literal by its id; defineAt makes Playwright record a
// given location for the test() call it wraps.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceLocation } from '../core/vocabulary';

type Formatter = (error: Error, stack: NodeJS.CallSite[]) => unknown;

/** The structured frames above `above` (which is left out with everything it called), and the
 *  stack formatter installed now (Node's, source-mapped under tsx; Playwright's source-map-support). */
function frames(above: Function, count: number): { stack: NodeJS.CallSite[]; format?: Formatter } {
  const format = Error.prepareStackTrace as Formatter | undefined;
  const limit = Error.stackTraceLimit;
  const holder: { stack?: unknown } = {};
  try {
    Error.stackTraceLimit = count;
    Error.prepareStackTrace = (_error, stack) => stack;
    Error.captureStackTrace(holder, above);
    const stack = holder.stack; // formatted now, while the structured formatter is in place
    return { stack: Array.isArray(stack) ? (stack as NodeJS.CallSite[]) : [], format };
  } finally {
    Error.prepareStackTrace = format as typeof Error.prepareStackTrace;
    Error.stackTraceLimit = limit;
  }
}

/** A frame's position in the source: as the installed formatter prints it (source-mapped where the
 *  runtime maps: tsx, Playwright's loader), else V8's own position in the code it ran. */
function positionOf(frame: NodeJS.CallSite, format?: Formatter): SourceLocation | undefined {
  const fileName = frame.getFileName();
  const line = frame.getLineNumber();
  const column = frame.getColumnNumber();
  if (!fileName || line === null || column === null) return undefined;
  const raw = { file: fileName.startsWith('file://') ? fileURLToPath(fileName) : fileName, line, column };
  if (!format) return raw;
  try {
    const printed = String(format(Object.assign(Object.create(Error.prototype) as Error, { name: 'Error', message: '' }), [frame])).trimEnd().split('\n').pop()!.trim();
    const where = printed.endsWith(')') ? printed.slice(printed.lastIndexOf('(') + 1, -1) : printed.replace(/^at\s+(?:async\s+)?/, '');
    const m = /^(.+):(\d+):(\d+)$/.exec(where);
    if (!m) return raw;
    return { file: m[1].startsWith('file://') ? fileURLToPath(m[1]) : m[1], line: Number(m[2]), column: Number(m[3]) };
  } catch {
    return raw;
  }
}

const sources = new Map<string, string[] | undefined>();
function sourceLines(file: string): string[] | undefined {
  if (!sources.has(file)) {
    let lines: string[] | undefined;
    try {
      lines = readFileSync(file, 'utf8').split('\n');
    } catch {
      lines = undefined;
    }
    sources.set(file, lines);
  }
  return sources.get(file);
}

const quoted = (id: string) => new RegExp(`['"\`]${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"\`]`);

/** How many frames above the catalog line callerLocation looks for the entry's id. */
const OUTWARD = 4;

/**
 * Where the function that calls callerLocation was called from, `depth` frames up: 1 is its caller
 * (a catalog's add function gives 1: the catalog line that called add). With `id`, the entry's id as
 * the catalog writes it, a helper between the catalog line and add (a catalog's `reject(...)` that
 * calls add) is looked through: the first of the next few frames whose source line holds the id,
 * quoted, is the entry; else the frame at `depth`. Undefined when the stack does not say.
 */
export function callerLocation(depth = 1, id?: string): SourceLocation | undefined {
  const { stack, format } = frames(callerLocation, depth + 1 + (id ? OUTWARD : 0));
  const at = stack[depth] ? positionOf(stack[depth], format) : undefined;
  if (!at || !id) return at;
  const literal = quoted(id);
  for (const frame of stack.slice(depth)) {
    const p = positionOf(frame, format);
    if (p && literal.test(sourceLines(p.file)?.[p.line - 1] ?? '')) return p;
  }
  return at;
}

/**
 * A catalog entry written as an object literal with `id: '<id>'`, in the file of the function that
 * calls entryLocation (a catalog's map from its entries to cases): the line where that id is written,
 * if it is written once.
 */
export function entryLocation(id: string): SourceLocation | undefined {
  const { stack, format } = frames(entryLocation, 1);
  const file = stack[0] ? positionOf(stack[0], format)?.file : undefined;
  const lines = file ? sourceLines(file) : undefined;
  if (!file || !lines) return undefined;
  const literal = new RegExp(`\\bid:\\s*${quoted(id).source}`);
  const found = lines.flatMap((text, i) => (literal.test(text) ? [{ line: i + 1, column: text.search(/\S/) + 1 }] : []));
  return found.length === 1 ? { file, ...found[0] } : undefined;
}

const entryLocations = new WeakMap<object, SourceLocation>();

/** Keeps where a catalog entry was written, for a catalog that turns its entries into cases later
 *  (in a map): `add = (x) => c.push(located(x, callerLocation(1, x.id)))`, then `location: locationOf(x)`. */
export function located<T extends object>(entry: T, location: SourceLocation | undefined): T {
  if (location) entryLocations.set(entry, location);
  return entry;
}

export const locationOf = (entry: object): SourceLocation | undefined => entryLocations.get(entry);

const isLocation = (x: unknown): x is SourceLocation =>
  typeof x === 'object' && x !== null && typeof (x as SourceLocation).file === 'string' && typeof (x as SourceLocation).line === 'number' && typeof (x as SourceLocation).column === 'number';

/**
 * Runs `define` (one call of Playwright's test()) so that Playwright records `location` as the test's
 * location. Playwright 1.65 takes it in wrapFunctionWithLocation: Error.captureStackTrace on an object,
 * with its own Error.prepareStackTrace and Error.stackTraceLimit 2, whose `stack` it reads as
 * { file, line, column }. While `define` runs, Error.captureStackTrace captures as always (the frames
 * are the same: the wrapper is left out) and, only when the captured stack reads in that shape at that
 * limit, replaces it with `location`; anything else, or no location, leaves Playwright's own.
 */
export function defineAt<T>(location: SourceLocation | undefined, define: () => T): T {
  if (!location) return define();
  const original = Error.captureStackTrace;
  const capture = function captureStackTrace(target: object, constructorOpt?: Function): void {
    original.call(Error, target, constructorOpt ?? capture);
    if (Error.stackTraceLimit !== 2) return;
    try {
      if (isLocation((target as { stack?: unknown }).stack)) Object.defineProperty(target, 'stack', { value: { ...location }, configurable: true, writable: true });
    } catch {
      // the captured stack stays as it was
    }
  };
  Error.captureStackTrace = capture;
  try {
    return define();
  } finally {
    Error.captureStackTrace = original;
  }
}
