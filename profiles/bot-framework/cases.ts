// The bot-framework case catalog (Connector→Bot and Emulator→Bot). Each case: a valid baseline for
// its path plus mutations, an expectation, its level and the requirement ids it covers.
import { COLD_START_CASES, KEY_LIFECYCLE_CASES } from './key-lifecycle-cases';
import type { CaseDef } from '../../harness/engine/case-model';
import { BOT_APP_ID, BOT_CONNECTOR_SCOPE, CHANNEL_ISSUER, EMULATOR_TENANTS, OTHER_APP_ID, UNLISTED_TENANT, v1Issuer, v2Issuer, type BotPath } from './facts';
import * as M from '../../harness/tokens/mutations';
import { C2B_REQ, EMU_REQ, FACT, family, SPEC, type CaseSpec } from './case-builder';
import { familyCases } from '../families';
import { BF_CHANNEL, BF_EMULATOR } from './paths';

const reject = (title: string, level: CaseSpec['level'], ids: string[], section: string, why: string, extra: Partial<CaseSpec> = {}): CaseSpec => ({ title, level, ids, section, expect: 'reject', why, ...extra });
const accept = (title: string, level: CaseSpec['level'], ids: string[], section: string, why: string, extra: Partial<CaseSpec> = {}): CaseSpec => ({ title, level, ids, section, expect: 'accept', why, ...extra });
const info = (title: string, ids: string[], section: string, why: string, extra: Partial<CaseSpec> = {}): CaseSpec => ({ title, level: 'INFO', ids, section, expect: 'either', why, ...extra });

// ---------------------------------------------------------------- Connector → Bot (channel path)
function channelCases(): CaseDef<BotPath>[] {
  const { cases, add } = family('BF-C2B', 'channel');

  add('POS-001', accept('valid channel token (RS256, Connector key A, webchat)', 'MUST', ['BF-C2B-05', 'BF-C2B-06', 'BF-C2B-07', 'BF-C2B-08', 'BF-C2B-11', 'BF-C2B-01', 'BF-C2B-03', 'BF-GEN-05'], 'Connector -> Bot, Steps 1-3', 'The positive control: a token exactly as the Connector sends it must be accepted.', { isControl: true }), []);
  add('POS-002', accept('valid channel token signed by the second published key (endorsed for skype)', 'MUST', ['BF-C2B-11', 'BF-CUR-12'], C2B_REQ(6), 'Any key listed in the key document may sign, for a channel it endorses.'), [M.signWithKey('connector-b'), M.setActivity('channelId', 'skype')]);

  add('MD-001', accept('valid channel token, accepted only after the Connector\'s OpenID metadata was fetched', 'MUST', ['BF-C2B-01'], 'Connector -> Bot, Step 1', 'The keys\' location comes from the OpenID metadata document at the configured (hard-coded) URL.', { mustHaveFetched: { server: 'front', path: '/v1/.well-known/openidconfiguration' } }), []);
  add('MD-002', accept('valid channel token, accepted only after the keys were fetched from the metadata\'s jwks_uri', 'MUST', ['BF-C2B-03'], 'Connector -> Bot, Steps 1-2', 'The fake metadata names /v1/keys as jwks_uri (the 2017 example); a validator with a hard-coded key URL never fetches it.', { mustHaveFetched: { server: 'front', path: '/v1/keys' } }), []);

  const key = (title: string, ids: string[], why: string) => reject(title, 'MUST', ids, `${C2B_REQ(6)}; Emulator -> Bot, Step 3, requirement 7`, why, { cwe: ['CWE-347', 'CWE-290'] });
  add('KEY-001', key('channel-issuer token signed by an Emulator (AAD) key', ['BF-GEN-07'], 'Each path verifies only with its own key set: an AAD key cannot vouch for the Connector.'), [M.signWithKey('aad-a')]);
  add('KEY-002', key('channel-issuer token signed by the second AAD key', ['BF-GEN-07'], 'The issuer–key binding holds for every key of the other set.'), [M.signWithKey('aad-b')]);

  const iss = (title: string) => reject(title, 'MUST', ['BF-C2B-07'], C2B_REQ(3), 'The issuer must be exactly https://api.botframework.com (case, scheme and trailing slash included).', { cwe: ['CWE-345'] });
  add('ISS-001', iss('iss with an attacker host suffix (https://api.botframework.com.attacker.test)'), [M.setClaim('iss', 'https://api.botframework.com.attacker.test')]);
  add('ISS-002', { ...iss('iss in upper case (HTTPS://API.BOTFRAMEWORK.COM)'), cwe: ['CWE-178'] }, [M.setClaim('iss', 'HTTPS://API.BOTFRAMEWORK.COM')]);
  add('ISS-003', iss('iss with a trailing slash'), [M.setClaim('iss', 'https://api.botframework.com/')]);
  add('ISS-004', iss('iss over http://'), [M.setClaim('iss', 'http://api.botframework.com')]);

  const aud = (title: string, why = 'The audience must equal the bot\'s own app id.') => reject(title, 'MUST', ['BF-C2B-08'], C2B_REQ(4), why, { cwe: ['CWE-345'] });
  add('AUD-002', info('aud is the app id in upper case', ['BF-C2B-08'], C2B_REQ(4), 'RFC 7519 compares aud as strings, but a GUID names the same app in either case and no one else can hold it: no way in. Reported only.', { cwe: ['CWE-178'] }), [M.setClaim('aud', BOT_APP_ID.toUpperCase())]);
  add('AUD-004', aud('aud is https://api.botframework.com (the bot\'s own outbound token replayed)'), [M.setClaim('aud', BOT_CONNECTOR_SCOPE)]);

  add('TIME-001', reject('expired 310 s ago (beyond the 5-minute skew)', 'MUST', ['BF-C2B-09', 'BF-CUR-03'], C2B_REQ(5), 'Expired beyond the industry-standard 5 minutes of skew.', { cwe: ['CWE-613'] }), [M.timeClaim('exp', -310)]);

  add('SURL-001', reject('serviceurl claim names another host than the activity\'s serviceUrl', 'MUST', ['BF-CUR-10'], FACT('serviceurl claim'), 'The Connector binds the token to the service URL the bot will reply to.', { cwe: ['CWE-345'] }), [M.setClaim('serviceurl', 'https://connector.attacker.test/')]);
  add('SURL-002', reject('activity serviceUrl points at an attacker, token serviceurl is genuine (the attacker must receive nothing)', 'MUST', ['BF-CUR-10', 'BF-C2B-12'], FACT('serviceurl claim'), 'A replayed token must not steer the bot\'s replies (and its own bearer token) to another host.', { cwe: ['CWE-345', 'CWE-522'], attackerMustNotBeContacted: true }), [M.setActivity('serviceUrl', (ctx: M.MutationContext) => `${ctx.attackerOrigin}/`, 'https://<attacker server>/')]);
  add('SURL-003', info('serviceurl differs from serviceUrl only in letter case', ['BF-CUR-11'], FACT('serviceurl claim (JS exact, .NET case-insensitive)'), 'The JS SDK compares exactly, .NET ignores case: the implementation may choose. Reported only.'), [caseOnlyServiceUrl()]);
  add('SURL-004', info('serviceUrl and its serviceurl claim agree, on a host that is no Bot Framework channel\'s (the token otherwise valid)', ['BF-CUR-10'], FACT('serviceurl claim (channel hosts)'), 'The Connector signed the serviceurl claim, so the host is the one it named: no text limits serviceUrl to the channels\' hosts, and neither botbuilder nor the Agents SDK does. The Teams SDKs for .NET and Python refuse hosts outside their cloud\'s list as defence in depth. Whether the SUT accepts it is reported only (a SUT that accepts replies there, as the Connector asked).', { cwe: ['CWE-918'] }),
    [M.setActivity('serviceUrl', (ctx: M.MutationContext) => `${ctx.attackerOrigin}/`, 'https://<a host outside the channels\' hosts>/'), M.setClaim('serviceurl', (ctx: M.MutationContext) => `${ctx.attackerOrigin}/`, 'the same URL')]);

  const unprocessed = (title: string, why: string) => reject(title, 'MUST', ['BF-C2B-12'], 'Connector -> Bot, Step 3 (after the list)', why, { noReplyAfterRefusal: true, cwe: ['CWE-696'] });
  add('RPL-001', unprocessed('token for another bot (wrong aud): refused, and no reply to its conversation reaches the Connector', 'A refused request ends there: the activity is not processed, so nothing is sent back for it. Conclusive only for a SUT that replies to the valid activity.'), [M.setClaim('aud', OTHER_APP_ID)]);
  add('RPL-002', unprocessed('token signed by an unpublished key: refused, and no reply to its conversation reaches the Connector', 'A forged token must not reach the bot\'s logic, even if the HTTP answer is a refusal.'), [M.signWithKey('rogue')]);

  add('END-001', reject('key endorsed only for skype signs a webchat activity', 'MUST', ['BF-CUR-12'], FACT('endorsements'), 'When the signing key has endorsements, the activity\'s channelId must be among them.', { cwe: ['CWE-345'] }), [M.signWithKey('connector-b')]);
  add('END-002', reject('webchat-endorsed key signs an activity claiming channelId skype', 'MUST', ['BF-CUR-12'], FACT('endorsements'), 'A key may only vouch for the channels it endorses.', { cwe: ['CWE-345'] }), [M.setActivity('channelId', 'skype')]);

  return cases;
}

/** serviceurl claim = the activity's serviceUrl with the scheme in upper case (the same URL under RFC 3986 §6.2.2.1). */
function caseOnlyServiceUrl(): M.Mutation {
  return {
    describe: 'claim serviceurl = the activity\'s serviceUrl with its scheme upper-cased (HTTPS://…)',
    apply: (d) => void (d.token.claims.serviceurl = String(d.request.activity.serviceUrl).replace(/^https/, 'HTTPS')),
  };
}

// ---------------------------------------------------------------- Emulator → Bot
function emulatorCases(): CaseDef<BotPath>[] {
  const { cases, add } = family('BF-EMU', 'emulator-v1');

  add('POS-001', accept('valid Emulator v1 token (sts.windows.net/d6d49420…, ver 1.0, appid)', 'MUST', ['BF-EMU-01', 'BF-EMU-02', 'BF-EMU-05', 'BF-EMU-06', 'BF-EMU-07', 'BF-CUR-06', 'BF-CUR-09'], 'Emulator -> Bot, Steps 1-3', 'The positive control of the v1 Emulator path.', { isControl: true }), []);
  add('POS-002', accept('valid Emulator v2 token (login.microsoftonline.com/d6d49420…/v2.0, ver 2.0, azp)', 'MUST', ['BF-EMU-01', 'BF-CUR-04', 'BF-CUR-07'], FACT('Emulator and skill issuers; ver claim'), 'The positive control of the v2 Emulator path.', { isControl: true, path: 'emulator-v2' }), []);
  let p = 3;
  for (const tenant of EMULATOR_TENANTS.slice(1)) {
    const retired = tenant.startsWith('72f988bf') ? ' The 2017 text retired this v3.0 issuer; current practice (the later statement) accepts it.' : '';
    add(`POS-00${p++}`, accept(`valid Emulator v1 token from tenant ${tenant.slice(0, 8)}…`, 'SHOULD', ['BF-CUR-04'], FACT('Emulator and skill issuers'), `Current SDKs accept v1 issuers of this tenant.${retired}`), [M.setClaim('iss', v1Issuer(tenant)), M.setClaim('tid', tenant)]);
    add(`POS-00${p++}`, accept(`valid Emulator v2 token from tenant ${tenant.slice(0, 8)}…`, 'SHOULD', ['BF-CUR-04'], FACT('Emulator and skill issuers'), `Current SDKs accept v2 issuers of this tenant.${retired}`, { path: 'emulator-v2' }), [M.setClaim('iss', v2Issuer(tenant)), M.setClaim('tid', tenant)]);
  }
  add('POS-007', accept('valid Emulator token signed by the second AAD key', 'MUST', ['BF-EMU-09'], EMU_REQ(7), 'Any key of the AAD key document may sign.'), [M.signWithKey('aad-b')]);

  add('MD-001', accept('valid Emulator token, accepted only after the AAD common v2.0 metadata was fetched', 'SHOULD', ['BF-CUR-09', 'BF-EMU-02'], FACT('emulator keys'), 'Current SDKs take Emulator keys from the AAD common/v2.0 OpenID metadata (the later practice stands over the 2017 botframework.com/v2.0 URL).', { mustHaveFetched: { server: 'front', path: '/common/v2.0/.well-known/openid-configuration' } }), []);
  add('MD-002', accept('valid Emulator token, accepted only after the keys were fetched from that metadata\'s jwks_uri', 'MUST', ['BF-EMU-02'], 'Emulator -> Bot, Steps 1 and 2', 'Emulator keys come from the jwks_uri of the MSA/AAD metadata document, not from a URL built another way.', { mustHaveFetched: { server: 'front', path: '/common/discovery/v2.0/keys' } }), []);



  const key = (title: string, ids: string[], why: string, extra: Partial<CaseSpec> = {}) => reject(title, 'MUST', ids, `${EMU_REQ(7)}; ${C2B_REQ(6)}`, why, { cwe: ['CWE-347', 'CWE-290'], ...extra });
  add('KEY-001', key('Emulator v1 token signed by a Connector key', ['BF-GEN-07', 'BF-EMU-09'], 'A Connector key cannot vouch for an AAD issuer.'), [M.signWithKey('connector-a')]);
  add('KEY-002', key('Emulator v2 token signed by a Connector key', ['BF-GEN-07', 'BF-EMU-09'], 'A Connector key cannot vouch for an AAD issuer.', { path: 'emulator-v2' }), [M.signWithKey('connector-a')]);

  const iss = (title: string, extra: Partial<CaseSpec> = {}) => reject(title, 'MUST', ['BF-EMU-05', 'BF-CUR-05'], `${EMU_REQ(3)}; ${FACT('Emulator and skill issuers')}`, 'Only the listed v1/v2 issuers are accepted, compared exactly.', { cwe: ['CWE-345'], ...extra });
  add('ISS-001', iss('v1 issuer of an unlisted tenant'), [M.setClaim('iss', v1Issuer(UNLISTED_TENANT)), M.setClaim('tid', UNLISTED_TENANT)]);
  add('ISS-002', iss('v2 issuer of an unlisted tenant', { path: 'emulator-v2' }), [M.setClaim('iss', v2Issuer(UNLISTED_TENANT)), M.setClaim('tid', UNLISTED_TENANT)]);
  add('ISS-003', iss('v1 issuer with the tenant id in upper case', { cwe: ['CWE-178'] }), [M.setClaim('iss', v1Issuer(EMULATOR_TENANTS[0].toUpperCase()))]);
  add('ISS-004', iss('v1 issuer without its trailing slash'), [M.setClaim('iss', v1Issuer(EMULATOR_TENANTS[0]).slice(0, -1))]);
  add('ISS-005', iss('v2 issuer with a trailing slash', { path: 'emulator-v2' }), [M.setClaim('iss', `${v2Issuer(EMULATOR_TENANTS[0])}/`)]);

  const aud = (title: string) => reject(title, 'MUST', ['BF-EMU-06'], EMU_REQ(4), 'The audience must equal the bot\'s app id; the v3.0 audience and the bot\'s own outbound audience do not qualify.', { cwe: ['CWE-345'] });
  add('AUD-002', aud('aud is https://graph.microsoft.com (the discontinued v3.0 audience)'), [M.setClaim('aud', 'https://graph.microsoft.com')]);
  add('AUD-003', aud('aud is https://api.botframework.com (the bot\'s outbound token replayed)'), [M.setClaim('aud', BOT_CONNECTOR_SCOPE)]);

  const app = (title: string, ids: string[], why: string, extra: Partial<CaseSpec> = {}) => reject(title, 'MUST', ids, `${EMU_REQ(5)}; ${FACT('ver claim')}`, why, { cwe: ['CWE-345', 'CWE-290'], ...extra });
  add('APP-001', app('ver 1.0 with a foreign appid (azp is the app id)', ['BF-EMU-07', 'BF-CUR-06'], 'For ver 1.0 the app id is read from appid, and it is foreign.'), [M.setClaim('appid', OTHER_APP_ID), M.setClaim('azp', BOT_APP_ID)]);
  add('APP-002', app('ver 1.0 without appid', ['BF-EMU-07', 'BF-CUR-06'], 'ver 1.0 tokens must carry appid equal to the app id.'), [M.deleteClaim('appid')]);
  add('APP-003', app('ver 2.0 with a foreign azp (appid is the app id)', ['BF-CUR-07'], 'For ver 2.0 the app id is read from azp, and it is foreign.', { path: 'emulator-v2' }), [M.setClaim('azp', OTHER_APP_ID), M.setClaim('appid', BOT_APP_ID)]);
  add('APP-004', app('ver 2.0 without azp', ['BF-CUR-07'], 'ver 2.0 tokens must carry azp equal to the app id.', { path: 'emulator-v2' }), [M.deleteClaim('azp')]);
  add('APP-005', app('ver "3.0"', ['BF-CUR-08'], 'Only ver 1.0 and 2.0 are defined; another version is refused.'), [M.setClaim('ver', '3.0')]);
  add('APP-006', app('ver "1"', ['BF-CUR-08'], 'ver is compared exactly: "1" is not "1.0".'), [M.setClaim('ver', '1')]);
  add('APP-007', info('ver missing', ['BF-CUR-08'], FACT('ver claim'), 'The facts sheet says another ver is refused but not whether a missing one is (an open ambiguity). Reported only.'), [M.deleteClaim('ver')]);

  add('TIME-001', reject('expired 310 s ago (beyond the 5-minute skew)', 'MUST', ['BF-EMU-08'], EMU_REQ(6), 'Expired beyond 5 minutes of skew.', { cwe: ['CWE-613'] }), [M.timeClaim('exp', -310)]);

  const tid = (title: string, why: string) => reject(title, 'MUST', ['BF-CUR-13'], FACT('path selection (unverified tid)'), why, { cwe: ['CWE-290', 'CWE-345'] });
  add('TID-001', tid('issuer and tid of an unlisted tenant (the single-tenant issuer added from an unverified tid)', 'Issuers must not be derived from the token\'s own unverified tid.'), [M.setClaim('iss', v1Issuer(UNLISTED_TENANT)), M.setClaim('tid', UNLISTED_TENANT)]);
  add('TID-002', tid('issuer of an unlisted tenant, tid forged to a listed tenant', 'A forged tid does not make an unlisted issuer acceptable.'), [M.setClaim('iss', v1Issuer(UNLISTED_TENANT)), M.setClaim('tid', EMULATOR_TENANTS[0])]);
  add('TID-003', tid('listed issuer and tid, signed by an unpublished key', 'Claims chosen before verification must not replace the signature check.'), [M.signWithKey('rogue')]);
  // tid against the issuer's tenant: only Entra mints these tokens and it never writes a tid that disagrees with iss, so
  // accepting one lets no one in (SHOULD, defence in depth); the Agents SDK refuses it (its 2026 cross-tenant fix).
  const tidBound = (title: string, extra: Partial<CaseSpec> = {}) => reject(title, 'SHOULD', ['BF-CUR-13', 'BF-GEN-04'], FACT('path selection (tid and the issuer\'s tenant)'), 'Entra\'s signing keys are shared by every tenant, so the tenant a token speaks for is bound to its issuer only by the issuer\'s tenant and tid agreeing; a bot (or its logic) that reads tid would act for a tenant that never issued the token. A SHOULD: only Entra can sign such a token.', { cwe: ['CWE-345'], ...extra });
  add('TID-004', tidBound('v2 token of a listed issuer whose tid names another tenant', { path: 'emulator-v2' }), [M.setClaim('tid', UNLISTED_TENANT)]);
  add('TID-005', tidBound('v1 token of a listed issuer whose tid names another listed tenant'), [M.setClaim('tid', EMULATOR_TENANTS[1])]);

  const skill = (title: string, why: string, extra: Partial<CaseSpec> = {}) => reject(title, 'MUST', ['BF-CUR-14', 'BF-EMU-07'], FACT('skill claims (GHSA-qxx8-292g-2w66)'), why, { cwe: ['CWE-290'], ...extra });
  add('SKL-001', skill('skill-shaped v1 token (aud = this bot, appid = a parent bot) sent to a plain bot', 'A bot not configured as a skill has no allowed callers: another app\'s token is refused (Microsoft.Bot.Connector < 4.10.3 accepted it).'), [M.setClaim('appid', OTHER_APP_ID)]);
  add('SKL-002', skill('skill-shaped v2 token (aud = this bot, azp = a parent bot) sent to a plain bot', 'As SKL-001, on the v2 path.', { path: 'emulator-v2' }), [M.setClaim('azp', OTHER_APP_ID)]);
  // What SKL-001/002 leave out: the bot's own outgoing skill token coming back, and the SDK's anonymous skill claim.
  add('SKL-003', skill('the bot\'s own bot-to-skill token replayed to it (v2: aud = a skill\'s app id, azp = this bot)', 'A skill that receives this bot\'s token (aud = the skill, azp = this bot) holds a token meant for itself, not for the bot: its aud is another app, whatever the caller claim says. A validator that takes a skill-shaped token whose caller is itself for its own skill conversation lets every skill it calls in.', { path: 'emulator-v2', ids: ['BF-CUR-14', 'BF-EMU-06', 'BF-CUR-07'], section: `${EMU_REQ(4)}; ${FACT('skill claims (GHSA-qxx8-292g-2w66)')}`, cwe: ['CWE-290', 'CWE-345'] }), [M.setClaim('aud', OTHER_APP_ID)]);
  add('SKL-004', skill('no token at all, on an Emulator activity addressed to a skill (recipient.role "skill")', 'botbuilder grants an anonymous skill claim to such an activity only when the bot has no app id (authentication turned off); a bot with an app id refuses it like any request without credentials.', { ids: ['BF-CUR-14', 'BF-EMU-03'], section: `${EMU_REQ(1)}; ${FACT('skill claims (anonymous skill)')}`, cwe: ['CWE-306', 'CWE-290'] }),
    [M.placeToken({ in: 'nowhere' }, 'no token sent'), M.setActivity('recipient', { id: `28:${BOT_APP_ID}`, name: 'bot under test', role: 'skill' })]);

  let n = 1;
  for (const [claim, ids] of [['appid', ['BF-EMU-07', 'BF-CUR-06']], ['ver', ['BF-CUR-08']]] as const) {
    for (const value of [null, true, false, 0]) {
      const id = `CLM-${String(n++).padStart(3, '0')}`;
      // botbuilder reads a falsy ver as 1.0 and still checks appid: no way in (LEVELS.md), so reported only.
      if (claim === 'ver' && !value) add(id, info(`claim ver set to ${JSON.stringify(value)}`, [...ids], `${EMU_REQ(5)}; ${FACT('ver claim')}`, 'A falsy ver read as 1.0 still has appid checked against the app id, so no one gets in; refusing it is stricter. Reported only.', { cwe: ['CWE-843'] }), [M.setClaim(claim, value)]);
      else add(id, reject(`claim ${claim} set to ${JSON.stringify(value)}`, 'MUST', [...ids], `${EMU_REQ(5)}; ${FACT('ver claim')}`, 'jwt_tool type confusion: a claim of the wrong type must fail its check.', { cwe: ['CWE-843', 'CWE-345'] }), [M.setClaim(claim, value)]);
    }
  }
  add('JWS-004', reject('duplicate appid: first the app id, last a foreign one', 'MUST', ['BF-EMU-07', 'BF-EMU-04'], `${EMU_REQ(5)} (RFC 7519 §4 duplicate claims)`, 'Reject duplicates or use the lexically last, which is foreign; a first-wins parser accepts.', { cwe: ['CWE-436'] }), [M.duplicateMember('claims', 'appid', BOT_APP_ID, OTHER_APP_ID)]);
  return cases;
}

// The attack families on both inbound paths (profiles/families), then each path's own protocol rules.
const familyCasesOf = (p: typeof BF_CHANNEL, prefix: string) => familyCases<BotPath>(p, 'bot-framework', prefix, SPEC);

export const BOT_FRAMEWORK_CASES: CaseDef<BotPath>[] = [...channelCases(), ...familyCasesOf(BF_CHANNEL, 'BF-C2B'), ...emulatorCases(), ...familyCasesOf(BF_EMULATOR, 'BF-EMU'), ...KEY_LIFECYCLE_CASES, ...COLD_START_CASES];
