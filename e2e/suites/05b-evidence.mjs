// The evidence pack: from the privacy overview to Privacy → Evidence pack,
// build a pack with the Build button and receive a signed ZIP download.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PHONE, state, newContext, open, shot, noOverflow } from '../lib.mjs';

test('11b. evidence pack: built from Privacy → Evidence pack, downloaded as a signed ZIP', async () => {
  const { page } = state.admin;
  await open(page, '/privacy');
  await Promise.all([page.waitForURL(/\/privacy\/evidence$/), page.click('a[href="/privacy/evidence"]')]);
  assert.match(await page.locator('h1').textContent(), /Evidence pack/);
  const verify = await page.locator('section', { has: page.locator('#verify-h') }).textContent();
  assert.match(verify, /thumbprint \(RFC 7638\): [A-Za-z0-9_-]{43}/);
  await shot(page, '43-evidence');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('button:has-text("Build and download")'),
  ]);
  assert.match(download.suggestedFilename(), /^kith-evidence-\d{4}-\d{2}-\d{2}\.zip$/);
  const bytes = readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a ZIP archive');
  assert.ok(bytes.includes(Buffer.from('manifest.jws')), 'with its signed manifest');

  // A bad date is shown next to its field, the form kept.
  await page.fill('input[name=as_of]', '2999-01-01');
  await Promise.all([page.waitForEvent('load'), page.click('button:has-text("Build and download")')]);
  assert.match(await page.locator('.error').first().textContent(), /after today/);

  const phone = await newContext({ viewport: PHONE, storageState: await state.admin.context.storageState() });
  await open(phone.page, '/privacy/evidence');
  await noOverflow(phone.page, '/privacy/evidence');
  await phone.context.close();
});
