// bot-outbound, second part of the catalog (after ./token-cases.ts): where the bearer must never go
// (a redirect, a decoy serviceUrl, plain HTTP, an untrusted certificate) and how the bot lives through
// a failing STS. Each needs nothing of the cases before it but a token the bot fetched, and mostly
// waits (for a reply that must not come, on a failing STS): they run in three worlds of their own
// (a bot each, beside the run's) where the run can start them. Ids are public: never renumber.
import { entryLocation, located } from '../../harness/engine/catalog-location';
import { B2C, bad, clockToExpiry, connectorReply, describeReply, FACT, moot, noBearerAt, ok, SLOW_STS_MS, stsFault, type Spec } from './judging';

/** The worlds these cases run in (OutboundCaseSpec.world): about 2.5-3.5 s of cases each. */
const WHERE_IT_GOES = 'where-the-bearer-goes';
const STS_ERRORS = 'sts-errors';
const SLOW_OR_UNTRUSTED_STS = 'slow-or-untrusted-sts';

/** In catalog order (the order they run in on the run's bot, without worlds of their own). */
export function deliveryCases(): Spec[] {
  const entries: Spec[] = [
    {
      id: 'LEAK-001',
      title: 'the Connector answers the reply with a 307 redirect to another origin: the bearer does not follow it',
      level: 'MUST',
      ids: ['BF-B2C-13'],
      section: B2C('Step 3, NOTE'),
      expect: 'reject',
      world: WHERE_IT_GOES,
      why: 'The token works like a password and must go to the Connector only. An HTTP client that follows a cross-origin redirect with the Authorization header hands it to whoever the Location names (the class of CVE-2022-0155 in follow-redirects). Following it without the header is allowed.',
      cwe: ['CWE-522', 'CWE-601'],
      run: async (ctx) => noBearerAt(await ctx.send({ conversationPrefix: 'redirect-' }), 'attacker', 'the decoy (the redirect\'s target)'),
    },
    {
      id: 'LEAK-002',
      title: 'an activity whose serviceUrl names a decoy, under a genuine token whose serviceurl is the Connector: the decoy receives no bearer',
      level: 'MUST',
      ids: ['BF-B2C-13', 'BF-CUR-10'],
      section: `${B2C('Step 3, NOTE')}; ${FACT('serviceurl claim')}`,
      expect: 'reject',
      world: WHERE_IT_GOES,
      why: 'The token binds the activity to the Connector it came from (serviceurl); a replayed token with another serviceUrl must not make the bot send its Connector token there.',
      cwe: ['CWE-522', 'CWE-345'],
      run: async (ctx) => noBearerAt(await ctx.send({ serviceUrl: (u) => `${u.attacker}/`, claimServiceUrl: (u) => `${u.front}/` }), 'attacker', 'the decoy'),
    },
    {
      id: 'TLS-001',
      title: 'an activity whose serviceUrl is http:// (the token says so too): no bearer goes over plain HTTP',
      level: 'MUST',
      ids: ['BF-B2C-14', 'BF-GEN-01'],
      section: B2C('Step 3, NOTE'),
      expect: 'reject',
      world: WHERE_IT_GOES,
      why: 'The bot must never send its Connector token over an unencrypted connection, whatever the activity (or the channel) names as its service URL.',
      cwe: ['CWE-319'],
      run: async (ctx) => noBearerAt(await ctx.send({ serviceUrl: (u) => `${u['plain-connector']}/` }), 'plain-connector', 'the plain-HTTP Connector'),
    },
    {
      id: 'TLS-002',
      title: 'an activity whose serviceUrl is a Connector whose certificate no trusted CA issued (the token says so too): no bearer reaches it',
      level: 'MUST',
      ids: ['BF-GEN-03', 'BF-B2C-13'],
      section: 'Authentication technologies, item 1 (TLS); Bot -> Connector, Step 3, NOTE',
      expect: 'reject',
      world: WHERE_IT_GOES,
      why: 'A bot that does not check the Connector\'s certificate sends its token to whoever answers for the name. The server\'s certificate comes from a CA that is not in NODE_EXTRA_CA_CERTS; the handshake must fail, so the server must record nothing.',
      cwe: ['CWE-295'],
      run: async (ctx) => noBearerAt(await ctx.send({ serviceUrl: (u) => `${u['untrusted-connector']}/` }), 'untrusted-connector', 'the untrusted-certificate Connector'),
    },
    {
      id: 'ROB-001',
      title: 'the STS answers 500 when the token has expired: that reply fails (no call without a fresh token) and the bot stays up',
      level: 'MUST',
      ids: ['BF-B2C-01', 'BF-B2C-12'],
      section: B2C('Steps 1-3'),
      expect: 'accept',
      world: STS_ERRORS,
      why: 'Without a token there is no authenticated call: the bot must not call the Connector with no token or an expired one, nor crash; the failure is that reply\'s alone. (Recovering after a 500 is ROB-005.)',
      run: stsFault({ kind: 'status', status: 500 }, 'answered 500', 'during'),
    },
    {
      id: 'ROB-005',
      title: 'after an STS 500, the next reply succeeds as soon as the STS answers again',
      level: 'SHOULD',
      ids: ['BF-B2C-01'],
      section: B2C('Step 1'),
      expect: 'accept',
      world: STS_ERRORS,
      why: 'One failed token request should cost one reply, not a minute of them. A SHOULD: MSAL deliberately holds back requests for 60 s after a 5xx without Retry-After (its throttling), to spare a failing login service; the harness\'s 500 carries no Retry-After.',
      run: stsFault({ kind: 'status', status: 500 }, 'answered 500', 'recovery'),
    },
    {
      id: 'ROB-002',
      title: 'the STS answers 400 (invalid_request): that reply fails, the bot stays up, and the next reply succeeds once the STS recovers',
      level: 'SHOULD',
      ids: ['BF-B2C-01', 'BF-B2C-12'],
      section: B2C('Steps 1-3'),
      expect: 'accept',
      world: STS_ERRORS,
      why: 'As ROB-001, for an OAuth error answer, and the next reply gets a new token once the STS answers again.',
      run: stsFault({ kind: 'status', status: 400 }, 'answered 400', 'both'),
    },
    {
      id: 'ROB-003',
      title: 'the STS answers 200 with an HTML page, not JSON: that reply fails, the bot stays up, and the next reply succeeds once the STS recovers',
      level: 'SHOULD',
      ids: ['BF-B2C-01', 'BF-B2C-12'],
      section: B2C('Steps 1-3'),
      expect: 'accept',
      world: STS_ERRORS,
      why: 'As ROB-002, for a body a proxy or an outage page might put in place of the token response.',
      run: stsFault({ kind: 'garbage' }, 'answered an HTML page', 'both'),
    },
    {
      id: 'ROB-004',
      title: `the STS answers ${SLOW_STS_MS / 1000} s late: whether that reply gets through, and the bot stays up (reported)`,
      level: 'INFO',
      ids: ['BF-B2C-01'],
      section: B2C('Step 1'),
      expect: 'either',
      world: SLOW_OR_UNTRUSTED_STS,
      why: 'A slow login service delays the reply; whether the bot waits or gives up is its choice. Reported only.',
      run: async (ctx) => {
        const at = await clockToExpiry(ctx, -60_000, 3600);
        if (!('since' in at)) return at;
        await ctx.sts({ fault: { kind: 'slow', delayMs: SLOW_STS_MS } });
        const started = Date.now();
        const x = await ctx.send({ waitMs: SLOW_STS_MS + 2000 });
        const ms = Date.now() - started;
        const gone = await ctx.stillUp();
        if (gone) return bad(`the bot went down: ${gone}`);
        const r = connectorReply(x);
        return r?.accepted ? ok(`the reply got through with the late token; the activity was answered ${x.status ?? x.error} after ${ms} ms`) : bad(`no accepted reply (${describeReply(r, await ctx.issuedTokens())}); the activity was answered ${x.status ?? x.error}`);
      },
    },
    {
      id: 'TLS-003',
      title: 'the STS presents a certificate no trusted CA issued when the token has expired: the bot sends it no token request (and so not its app password)',
      level: 'MUST',
      ids: ['BF-GEN-03', 'BF-B2C-02'],
      section: 'Authentication technologies, item 1 (TLS); Bot -> Connector, Step 1',
      expect: 'reject',
      world: SLOW_OR_UNTRUSTED_STS,
      why: 'A bot that does not check the login service\'s certificate hands its app password to whoever answers for the login host. The harness moves the SUT\'s clock past the token\'s expiry and has the STS\'s server (the Connector\'s too) present a certificate for the right names from a CA that is not in NODE_EXTRA_CA_CERTS: the handshake must fail, so no token request may arrive. The bot must have opened a connection (else it never saw the certificate: moot); a token request in cleartext never saw one either (STS-001 judges that).',
      cwe: ['CWE-295'],
      run: async (ctx) => {
        const at = await clockToExpiry(ctx, -60_000, 3600);
        if (!('since' in at)) return at;
        const before = await ctx.stsTlsConnections();
        await ctx.sts({ fault: { kind: 'untrusted-certificate' } });
        // Swapping the certificate closes the bot's pooled connections; a bot that reuses one before it
        // has seen it close fails that activity without a new handshake. Its next activity opens a new
        // connection, so another activity is sent (three in all at most) while none was opened and
        // nothing was sent: every exchange is judged.
        const exchanges = [await ctx.send()];
        let opened = (await ctx.stsTlsConnections()) - before;
        while (!opened && exchanges.length < 3 && exchanges.every((x) => !x.sts.length && !x.replies.length)) {
          exchanges.push(await ctx.send());
          opened = (await ctx.stsTlsConnections()) - before;
        }
        const gone = await ctx.stillUp();
        if (gone) return bad(`the bot went down when the STS presented an untrusted certificate: ${gone}`);
        const tokenRequests = exchanges.flatMap((x) => x.sts);
        const overTls = tokenRequests.filter((r) => r.hit.scheme !== 'http');
        if (overTls.length) return bad(`the bot sent ${overTls.length} token request(s), its app password with them, over a TLS connection whose certificate no trusted CA issued`);
        const sent = exchanges.flatMap((x) => x.replies).filter((r) => r.server === 'front');
        if (sent.length) return bad(`the bot called the Connector over a TLS connection whose certificate no trusted CA issued: ${describeReply(sent[0], await ctx.issuedTokens())}`);
        if (tokenRequests.length) return moot('the bot\'s token requests went in cleartext, so it was never shown the certificate (STS-001 judges that)');
        if (!opened) return moot(`the bot opened no connection to the STS after its token expired (${exchanges.length} activities), so it was never shown the certificate (EXP-001 judges that)`);
        const answers = exchanges.map((x) => x.status ?? x.error).join(', then ');
        return ok(`the bot opened ${opened} TLS connection(s) to the STS's server and sent nothing over them: no token request, no reply (its answer to the ${exchanges.length > 1 ? 'activities' : 'activity'}: ${answers})`);
      },
    },
  ];
  return entries.map((x) => located(x, entryLocation(x.id)));
}
