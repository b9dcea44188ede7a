// Where a reviewer reads a case's spec: the public page of each document the catalog cites (the
// copies in shared/specs are of these pages). Open Specifications name sections by number inside
// the document, so the link goes to the document and the section travels in the link's name.
const SPEC_URLS: Record<string, string> = {
  'bot-framework-authentication': 'https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication',
  'actionable-messages-security': 'https://learn.microsoft.com/en-us/outlook/actionable-messages/security-requirements',
  'ms-sps2sauth-sharepoint-s2s': 'https://learn.microsoft.com/en-us/openspecs/sharepoint_protocols/ms-sps2sauth/',
  'ms-xoauth-oauth2-extensions': 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-xoauth/',
};

export interface SpecLink {
  name: string;
  url: string;
}

/** The link for a case's requirement, or none for documents without a public page (current-practice facts). */
export function specLinkOf(req: { spec: string; section: string }): SpecLink | undefined {
  const url = SPEC_URLS[req.spec];
  return url ? { name: `${req.spec}: ${req.section}`, url } : undefined;
}
