// The environment a SUT is started with: the common part of the contract (PORT, CA bundle
// variables, the Node preload), the profile's part, then the user's --sut-env overrides.
import path from 'node:path';
import { javaTrustStoreOptions } from '../ca/trust-store';
import { REPO_ROOT } from '../run/config';

/** Variables of the runner's own that a SUT should not inherit. */
const NOT_INHERITED = /^(PW_|PLAYWRIGHT_|TEST_WORKER_INDEX|TEST_PARALLEL_INDEX|S2S_|FORCE_COLOR|NODE_OPTIONS$)/;

export function commonSutEnv(opts: { port: number; caPemPath: string; caTrustStorePath: string; routedHosts: string[]; routeTo: string; egressLog: string; clockFile: string }): Record<string, string> {
  const preload = path.join(REPO_ROOT, 'harness', 'sut', 'preload.cjs');
  const clockPreload = path.join(REPO_ROOT, 'harness', 'sut', 'clock-preload.cjs');
  const inheritedNodeOptions = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return {
    PORT: String(opts.port),
    NODE_EXTRA_CA_CERTS: opts.caPemPath,
    SSL_CERT_FILE: opts.caPemPath,
    REQUESTS_CA_BUNDLE: opts.caPemPath,
    CURL_CA_BUNDLE: opts.caPemPath, // curl ignores SSL_CERT_FILE where it was built with its own bundle path (Debian)
    // The JVM ignores the variables above: the same CA as a PKCS#12 trust store, with or without
    // --proxy (a Java SUT on the contract's loopback URLs needs it as much as one behind the proxy).
    JAVA_TOOL_OPTIONS: sutJavaOptions(opts.caTrustStorePath),
    // Quoted: NODE_OPTIONS splits on spaces, and a checkout path may contain one.
    NODE_OPTIONS: `${inheritedNodeOptions}--require ${JSON.stringify(preload)} --require ${JSON.stringify(clockPreload)}`,
    S2S_ROUTE_HOSTS: opts.routedHosts.join(','),
    S2S_ROUTE_TO: opts.routeTo,
    S2S_EGRESS_LOG: opts.egressLog,
    S2S_CLOCK_FILE: opts.clockFile,
  };
}

/** JAVA_TOOL_OPTIONS: the user's own, then the test CA's trust store (a later -D wins in the JVM). */
export function sutJavaOptions(caTrustStorePath: string): string {
  const inherited = process.env.JAVA_TOOL_OPTIONS ? `${process.env.JAVA_TOOL_OPTIONS} ` : '';
  return `${inherited}${javaTrustStoreOptions(caTrustStorePath)}`;
}

export function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter(([k, v]) => v !== undefined && !NOT_INHERITED.test(k))) as Record<string, string>;
}

/** KEY=VALUE lines for --env-file (values quoted only when they need it). */
export function envFileText(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([k, v]) => `${k}=${/^[\w@%+=:,./-]*$/.test(v) ? v : JSON.stringify(v)}`)
    .join('\n') + '\n';
}
