// s2s-client (the SUT sends the tokens): one Playwright test per catalog case; each runs the one-shot
// SUT in its scenario (shared with the other cases of that scenario) and judges what it sent.
import { defineClientSuite } from '../../harness/engine/define-suite';
import { loadRunConfig } from '../../harness/run/config';
import { CATALOGS } from '../registry';
import { clientRunner } from './runner';

// The profile's own runner, handed to the engine (which imports no profile).
defineClientSuite(CATALOGS['s2s-client'], clientRunner(CATALOGS['s2s-client'], loadRunConfig()));
