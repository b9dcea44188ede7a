// The README's generated parts are current: the case catalog equals what the catalogs produce.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { README, readmeWithCatalog } from '../harness/cli/readme-catalog';

test('the README case catalog is generated from the current catalog (run `npm run readme`)', () => {
  const readme = readFileSync(README, 'utf8');
  expect(readme).toBe(readmeWithCatalog(readme));
});
