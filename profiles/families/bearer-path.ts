// What most inbound token paths share: a signed JWT that names its key in `kid`, carries numeric
// times, and travels itself in the Authorization header of a POST. A path spreads these and adds its
// facts (issuer, audience), requirements and ids; the S2S paths (x5t, TokenHelper's string times, a
// GET, an actor inside an outer token) write their own.
import * as M from '../../harness/tokens/mutations';
import type { TokenPath } from './types';

export const KID_SIGNED_BEARER_JWT: Pick<TokenPath, 'signed' | 'inRequest' | 'on' | 'keyHeader' | 'signWith' | 'keys' | 'time' | 'method'> = {
  signed: true,
  inRequest: true,
  on: (m) => m,
  keyHeader: 'kid',
  signWith: M.signWithKey,
  keys: { rogue: 'rogue' },
  time: (claim, offset) => M.timeClaim(claim, offset),
  method: 'POST',
};
