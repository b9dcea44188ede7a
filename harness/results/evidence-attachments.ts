// A case's evidence as files a reviewer opens one by one (Playwright's and Allure's attachments):
// the token as sent, the token decoded, the request and the SUT's response. Made from the redacted
// result, so nothing here carries a secret the result does not.
import type { CaseResult } from '../engine/case-model';

export interface EvidenceAttachment {
  name: string;
  body: string;
  contentType: string;
}

const headerLines = (headers: Record<string, string>) => Object.entries(headers).map(([k, v]) => `${k}: ${v}`);

export function evidenceAttachments(result: CaseResult): EvidenceAttachment[] {
  const { token, request, response } = result.evidence;
  const out: EvidenceAttachment[] = [];
  if (token) {
    out.push({ name: 'token.jwt', body: token.raw, contentType: 'text/plain' });
    const decoded = { header: token.header, payload: token.payload, ...(token.embedded ? { embedded: token.embedded } : {}), ...(token.note ? { note: token.note } : {}) };
    out.push({ name: 'token.decoded.json', body: JSON.stringify(decoded, null, 2), contentType: 'application/json' });
  }
  if (request) out.push({ name: 'request.http', body: [`${request.method} ${request.url}`, ...headerLines(request.headers)].join('\n'), contentType: 'text/plain' });
  if (response) out.push({ name: 'response.http', body: [`${response.status}`, ...headerLines(response.headers), '', response.body].join('\n'), contentType: 'text/plain' });
  return out;
}
