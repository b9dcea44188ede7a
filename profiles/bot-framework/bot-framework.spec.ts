// Bot Framework inbound (Connector→Bot, Emulator→Bot): one Playwright test per catalog case.
import { defineSuite } from '../../harness/engine/define-suite';
import { BASELINES, CATALOGS } from '../registry';

defineSuite(CATALOGS['bot-framework'], BASELINES['bot-framework'].baseline);
