// A finding's `replay`: one curl command line that sends exactly the request the fuzzer sent
// (same method, URL, headers and body bytes), for pasting into a shell while the SUT runs. Tokens
// are signed with the run's keys, so it reproduces the finding against that run's SUT.
import type { RenderedRequest } from './mutant';

/** POSIX shell single-quoting: nothing inside is expanded. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlCommand(req: RenderedRequest): string {
  // -g: no URL globbing ([] {} are literal); --data-binary: the body's bytes as they are.
  const parts = ['curl', '-sS', '-i', '-g', '-X', req.method, shellQuote(req.url)];
  // curl drops a header given as "name:"; "name;" is its spelling of an empty value.
  for (const [name, value] of Object.entries(req.headers)) parts.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  if (req.body) parts.push('--data-binary', shellQuote(req.body));
  return parts.join(' ');
}
