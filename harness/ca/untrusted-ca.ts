// The CA no SUT trusts: it issues the certificates of the fakes a SUT must refuse to talk to (an
// untrusted-certificate key server, Connector, STS or resource). One per process: every world of a
// run (the run's, each case's own) needs the same kind of certificate, and a new CA with its
// certificates costs an RSA pair each, generated synchronously once the run's prepared pairs run out
// (a bot-outbound case world spent most of its start there). Its certificates per set of names are
// kept by the CA (test-ca.ts).
import { createTestCa, type TestCa } from './test-ca';

let untrusted: TestCa | undefined;

/** The process's untrusted CA, made on first use. */
export const untrustedCa = (): TestCa => (untrusted ??= createTestCa('an untrusted CA'));
