'use strict';
// Egress guard for Node SUTs, loaded with NODE_OPTIONS=--require <abs path>/preload.cjs.
// No dependencies: it runs inside arbitrary SUT processes before their own code.
//
//   S2S_ROUTE_HOSTS  comma list of host names whose connections go to the fake front
//   S2S_ROUTE_TO     host:port of the fake front (normally 127.0.0.1:PORT)
//   S2S_EGRESS_LOG   file that gets one JSON line per refused connection (optional)
//
// We patch net.Socket.prototype.connect because every client stack ends there: http/https
// agents, tls.connect, http2, undici (global fetch), axios/follow-redirects, node-fetch and
// MSAL all call net.connect/tls.connect, which call socket.connect(). Only the TCP target is
// rewritten; the options object that tls.connect keeps for certificate checking is left
// alone, so SNI and checkServerIdentity still use the original name (the fake's certificate
// carries the real names and is trusted through NODE_EXTRA_CA_CERTS), and HTTP clients still
// send the original Host header.
const net = require('net');
const tls = require('tls');
const dns = require('dns');
const fs = require('fs');

const routeHosts = new Set(
  (process.env.S2S_ROUTE_HOSTS || '').split(',').map((h) => normHost(h)).filter(Boolean));
const routeTo = process.env.S2S_ROUTE_TO || '';
const sep = routeTo.lastIndexOf(':');
const routeHost = sep > 0 ? routeTo.slice(0, sep).replace(/^\[|\]$/g, '') : '';
const routePort = sep > 0 ? Number(routeTo.slice(sep + 1)) : NaN;
// Address the DNS patch hands out for routed names. It is a loopback address (so it can never
// leak), and connect() routes it like the names themselves: clients that resolve first and then
// connect to the IP (cacheable-lookup, got, custom agents) still reach the fake, not :443 here.
const routeIp = '127.83.50.83';
const egressLog = process.env.S2S_EGRESS_LOG;

function normHost (h) {
  return String(h || '').trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}
function isLoopback (h) {
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(h);
}
function isRouted (h) {
  h = normHost(h);
  return (routeHosts.has(h) || h === routeIp) && routeHost !== '' && routePort > 0;
}

const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  // net.connect/tls.connect pass an already-normalized [options, cb] array; users may pass
  // (port, host, cb) or (options, cb). Normalize the same way node does.
  const normalized = Array.isArray(args[0]) && Object.getOwnPropertySymbols(args[0]).length
    ? args[0]
    : net._normalizeArgs(args);
  const [options, cb] = normalized;
  if (!options || options.path != null) return origConnect.apply(this, args); // IPC/unix socket
  const host = normHost(options.host || 'localhost');
  const port = Number(options.port) || options.port;

  if (isLoopback(host) && host !== routeIp) return origConnect.apply(this, args);

  if (isRouted(host)) {
    // SNI: https.Agent already sets servername, but a bare tls.connect({host}) may not;
    // make sure the fake sees the real name either way.
    if (this instanceof tls.TLSSocket && !this.servername && this._handle && !net.isIP(host)) {
      try { this.setServername(host); } catch { /* not fatal: cert check still uses host */ }
    }
    // A copy, so tls's remembered options (used for checkServerIdentity) keep the real host.
    // An IP target also means no DNS lookup and no custom `lookup` hook is consulted.
    const routed = { ...options, host: routeHost, port: routePort };
    delete routed.lookup;
    delete routed.localAddress; // binding a non-loopback local address would break loopback
    return origConnect.call(this, net._normalizeArgs(cb ? [routed, cb] : [routed]));
  }

  // Anything else is egress: refuse like a closed port would, asynchronously, and record it.
  if (egressLog) {
    try {
      fs.appendFileSync(egressLog, JSON.stringify({ time: new Date().toISOString(), host, port, pid: process.pid }) + '\n');
    } catch { /* logging must never break the SUT */ }
  }
  const err = new Error(`connect ECONNREFUSED ${host}:${port} (blocked by s2s egress guard)`);
  Object.assign(err, { code: 'ECONNREFUSED', errno: -111, syscall: 'connect', address: host, port });
  this.connecting = true; // looks like a socket in the middle of connecting to its owner
  process.nextTick(() => { this.connecting = false; this.destroy(err); });
  return this;
};

// DNS: answer routed names locally so no query for them ever leaves the machine (some
// clients resolve before connecting; connections to other names are refused above before
// any lookup happens).
function lookupAnswer (options) {
  const family = net.isIP(routeIp);
  const all = typeof options === 'object' && options !== null && options.all;
  return all ? [{ address: routeIp, family }] : { address: routeIp, family };
}
const origLookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  if (!isRouted(hostname)) return origLookup.apply(this, arguments);
  if (typeof options === 'function') { callback = options; options = {}; }
  const a = lookupAnswer(options);
  process.nextTick(() => Array.isArray(a) ? callback(null, a) : callback(null, a.address, a.family));
  return {};
};
const origPLookup = dns.promises.lookup;
dns.promises.lookup = function (hostname, options) {
  if (!isRouted(hostname)) return origPLookup.apply(this, arguments);
  return Promise.resolve(lookupAnswer(options));
};
// resolve*/Resolver use c-ares directly (not getaddrinfo): answer A/AAAA for routed names.
function resolveAnswer (rrtype) {
  const fam = net.isIP(routeIp);
  if ((rrtype === 'A' && fam === 4) || (rrtype === 'AAAA' && fam === 6)) return [routeIp];
  return Object.assign(new Error(`queryNoData ENODATA ${rrtype}`), { code: 'ENODATA' });
}
for (const [target, promised] of [[dns, false], [dns.Resolver.prototype, false],
  [dns.promises, true], [dns.promises.Resolver.prototype, true]]) {
  for (const [name, fixed] of [['resolve', null], ['resolve4', 'A'], ['resolve6', 'AAAA'], ['resolveAny', 'A']]) {
    const orig = target[name];
    if (typeof orig !== 'function') continue;
    target[name] = function (hostname, ...rest) {
      if (!isRouted(hostname)) return orig.call(this, hostname, ...rest);
      const rrtype = fixed || (typeof rest[0] === 'string' ? rest[0] : 'A');
      let ans = resolveAnswer(rrtype);
      if (name === 'resolveAny' && Array.isArray(ans)) ans = [{ type: rrtype, address: routeIp, ttl: 60 }];
      if (promised) return ans instanceof Error ? Promise.reject(ans) : Promise.resolve(ans);
      const cb = rest[rest.length - 1];
      process.nextTick(() => ans instanceof Error ? cb(ans) : cb(null, ans));
      return {};
    };
  }
}
