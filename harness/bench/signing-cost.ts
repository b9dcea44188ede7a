// The physical floor the benchmark is read against: what one RSA-2048 signature of a baseline token,
// one verification, and one loopback keep-alive HTTP round trip cost on this machine.
import { constants, createPublicKey, createSign, createVerify } from 'node:crypto';
import http from 'node:http';
import { takeKeyPair, prepareKeyPairs } from '../keys/key-pair-pool';

const N = 500;
const perOp = (ms: number) => Number((ms / N).toFixed(3));

export async function signingCost(): Promise<Record<string, number>> {
  await prepareKeyPairs(1);
  const { privateKeyPem, publicKeyPem } = takeKeyPair();
  const input = Buffer.from(`${'eyJhbGciOiJSUzI1NiJ9'}.${Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: 'x'.repeat(36), exp: 2e9 })).toString('base64url')}`);
  let t = performance.now();
  let signature = Buffer.alloc(0);
  for (let i = 0; i < N; i++) signature = createSign('RSA-SHA256').update(input).sign(privateKeyPem);
  const signMs = performance.now() - t;
  const pub = createPublicKey(publicKeyPem);
  t = performance.now();
  for (let i = 0; i < N; i++) createVerify('RSA-SHA256').update(input).verify({ key: pub, padding: constants.RSA_PKCS1_PADDING }, signature);
  const verifyMs = performance.now() - t;

  const server = http.createServer((_req, res) => res.end('{}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () => new Promise<void>((resolve, reject) => http.get({ host: '127.0.0.1', port, agent }, (res) => res.resume().on('end', resolve)).on('error', reject));
  await get();
  t = performance.now();
  for (let i = 0; i < N; i++) await get();
  const rttMs = performance.now() - t;
  agent.destroy();
  server.close();
  return { rsa2048_sign_ms: perOp(signMs), rsa2048_verify_ms: perOp(verifyMs), loopback_keepalive_rtt_ms: perOp(rttMs) };
}
