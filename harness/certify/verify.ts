// `verify PKG_DIR_OR_ZIP`: a certification package checked offline. Every file the manifest lists is
// there with its hash, nothing is missing or added, certificate.json agrees with the results beside
// it, and today is within its validity period. One line per problem.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { CERTIFICATE, checkCertificate, type Certificate } from './certificate';
import { checkManifest, MANIFEST, readTree } from './manifest';
import { readZip } from './zip';

export class NotAPackage extends Error {}

/** The package's files by relative path: a folder as it is, a zip without its top folder. */
export function packageOnDisk(target: string): { files: Map<string, Buffer>; damaged: string[] } {
  if (!existsSync(target)) throw new NotAPackage(`${target}: no such file or folder`);
  if (statSync(target).isDirectory()) return { files: readTree(target), damaged: [] };
  let zip: ReturnType<typeof readZip>;
  try {
    zip = readZip(readFileSync(target));
  } catch (err) {
    throw new NotAPackage(`${target}: ${(err as Error).message}`);
  }
  const names = [...zip.files.keys()];
  const top = names[0]?.split('/')[0];
  const strip = names.length > 0 && names.every((n) => n.startsWith(`${top}/`)) && !names.includes(MANIFEST);
  const rel = (n: string) => (strip ? n.slice(top.length + 1) : n);
  return { files: new Map([...zip.files].map(([n, d]) => [rel(n), d])), damaged: zip.damaged.map(rel) };
}

export function verifyFiles(files: Map<string, Buffer>, now: Date): string[] {
  const manifest = files.get(MANIFEST);
  const problems = manifest ? checkManifest(files, manifest.toString('utf8')) : [`missing: ${MANIFEST}`];
  const certText = files.get(CERTIFICATE);
  if (!certText) {
    if (!problems.includes(`missing: ${CERTIFICATE}`)) problems.push(`missing: ${CERTIFICATE}`);
    return problems;
  }
  let cert: Certificate;
  try {
    cert = JSON.parse(certText.toString('utf8')) as Certificate;
  } catch (err) {
    return [...problems, `inconsistent: ${CERTIFICATE} (not JSON: ${(err as Error).message})`];
  }
  return [...problems, ...checkCertificate(cert, files, now)];
}

export function verifyPackage(target: string, now: Date): { problems: string[]; cert?: Certificate; files: number } {
  const { files, damaged } = packageOnDisk(target);
  if (!files.has(MANIFEST) && !files.has(CERTIFICATE)) throw new NotAPackage(`${target}: not a certification package (no ${MANIFEST}, no ${CERTIFICATE})`);
  const problems = [...damaged.map((f) => `tampered: ${f} (damaged in the zip: CRC-32 differs)`), ...verifyFiles(files, now)];
  let cert: Certificate | undefined;
  try {
    cert = JSON.parse(files.get(CERTIFICATE)?.toString('utf8') ?? 'null') ?? undefined;
  } catch {
    cert = undefined;
  }
  return { problems, cert, files: files.size };
}
