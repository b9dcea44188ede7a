// Where a reviewer reads a case's spec: the public page of each document the catalog cites (the
// copies in shared/specs are of these pages). Open Specifications name sections by number inside
// the document, so the link goes to the document and the section travels in the link's name.
// Cases whose spec is `current-practice` rest on the project's own facts page, docs/facts.md, which
// has no public address: its link is the page in the harness's own checkout, at the cited topic.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../run/config';

const SPEC_URLS: Record<string, string> = {
  'bot-framework-authentication': 'https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication',
  'actionable-messages-security': 'https://learn.microsoft.com/en-us/outlook/actionable-messages/security-requirements',
  'ms-sps2sauth-sharepoint-s2s': 'https://learn.microsoft.com/en-us/openspecs/sharepoint_protocols/ms-sps2sauth/',
  'ms-xoauth-oauth2-extensions': 'https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-xoauth/',
};

/** The facts page, as a case's section cites it ("docs/facts.md > <section> > <topic>"). */
export const FACTS_DOC = 'docs/facts.md';

export interface SpecLink {
  name: string;
  url: string;
}

export interface FactsCitation {
  /** The `## ` heading of docs/facts.md. */
  section: string;
  /** The `### ` heading under it (a trailing parenthesised detail, as in "key cache (unknown kid)", left off). */
  topic: string;
}

const PREFIX = `${FACTS_DOC} > `;

/** The facts a section cites. Its parts are separated by "; "; a part "docs/facts.md > A > B" cites
 *  topic B of section A, and a plain part after it ("… > Emulator and skill issuers; ver claim")
 *  another topic of the same section. */
export function factsCitationsOf(section: string): FactsCitation[] {
  const out: FactsCitation[] = [];
  let current: string | undefined;
  for (const part of section.split('; ')) {
    if (part.startsWith(PREFIX)) {
      const [name, ...rest] = part.slice(PREFIX.length).split(' > ');
      current = name;
      out.push({ section: name, topic: rest.join(' > ') });
    } else if (current) out.push({ section: current, topic: part });
  }
  return out.map((c) => ({ section: c.section.trim(), topic: c.topic.replace(/\s*\([^()]*\)$/, '').trim() }));
}

/** The anchor a Markdown renderer (GitHub's) gives a heading. */
export const headingAnchor = (heading: string): string =>
  heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

/** The link for a case's requirement: the public document, or the facts page at the cited topic. */
export function specLinkOf(req: { spec: string; section: string }): SpecLink | undefined {
  const url = SPEC_URLS[req.spec];
  if (url) return { name: `${req.spec}: ${req.section}`, url };
  if (req.spec !== 'current-practice') return undefined;
  const cited = factsCitationsOf(req.section)[0];
  const page = pathToFileURL(path.join(REPO_ROOT, FACTS_DOC)).href;
  return { name: req.section.startsWith(PREFIX) ? req.section : `${FACTS_DOC}: ${req.section}`, url: cited ? `${page}#${headingAnchor(cited.topic)}` : page };
}
