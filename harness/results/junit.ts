// junit.xml from results.json, so CI systems see each case's real verdict: a failing case is a
// <failure>, an `error` an <error>, `inconclusive` and `skip` are <skipped> with the reason. One
// testsuite per run (the profile); each testcase is named by its stable id and title.
import type { ResultsDoc } from './results-file';

const xml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 has no place for most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\ufffd');

export function junitXml(doc: ResultsDoc): string {
  const s = doc.summary;
  const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);
  const total = (Date.parse(doc.finishedAt) - Date.parse(doc.startedAt)) / 1000;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(doc.suite.name)} ${xml(doc.suite.version)}" tests="${s.total}" failures="${s.fail}" errors="${s.error}" skipped="${s.inconclusive + s.skip}" time="${total.toFixed(3)}">`,
    `  <testsuite name="${xml(doc.profile)}" tests="${s.total}" failures="${s.fail}" errors="${s.error}" skipped="${s.inconclusive + s.skip}" timestamp="${xml(doc.startedAt)}" time="${total.toFixed(3)}">`,
  ];
  for (const c of doc.cases) {
    const req = c.requirement;
    lines.push(`    <testcase classname="${xml(`${doc.profile}.${req.level}`)}" name="${xml(`${c.id} ${c.title}`)}" time="${seconds(c.durationMs)}">`);
    lines.push('      <properties>');
    lines.push(`        <property name="requirement" value="${xml(`${req.ids.join(', ')} (${req.spec}, ${req.section})`)}"/>`);
    lines.push(`        <property name="level" value="${req.level}"/>`);
    lines.push(`        <property name="expect" value="${c.expect}"/>`);
    lines.push('      </properties>');
    const message = xml(c.reason);
    if (c.outcome === 'fail') lines.push(`      <failure message="${message}" type="${req.level}">${xml(c.why)}</failure>`);
    else if (c.outcome === 'error') lines.push(`      <error message="${message}"/>`);
    else if (c.outcome === 'inconclusive' || c.outcome === 'skip') lines.push(`      <skipped message="${xml(`${c.outcome}: ${c.reason}`)}"/>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
