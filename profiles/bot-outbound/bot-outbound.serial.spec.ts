// bot-outbound (Bot -> Connector): one Playwright test per catalog case, run one at a time in catalog
// order (a `.serial.spec.ts` file: the bot's token cache is state the cases share).
import { defineOutboundSuite } from '../../harness/engine/define-suite';
import { CATALOGS } from '../registry';
import { outboundRunner } from './runner';

// The profile's own runner, handed to the engine (which imports no profile).
defineOutboundSuite(CATALOGS['bot-outbound'], outboundRunner(CATALOGS['bot-outbound']));
