// The breach register: the privacy officer (here the admin, who has the
// DPO's privacy powers) records a breach, sees its 72-hour clock in the
// banner on another staff page, records the decision, drafts the
// authority notice from the record, prints it and records it as sent.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { state, open, shot, submit, ID } from '../lib.mjs';

test('14. breaches: a breach is recorded, its clock shows on every staff page, the decision and the authority notice are recorded', async () => {
  const { page } = state.admin;
  await open(page, '/privacy');
  await submit(page, 'a[href="/privacy/breaches"]');
  await submit(page, 'a[href="/privacy/breaches/new"]');
  // Aware two hours ago, in UTC as the form asks.
  const aware = new Date(Date.now() - 2 * 3600 * 1000).toISOString().slice(0, 16);
  await page.fill('input[name=reference]', 'BR-E2E-001');
  await page.fill('input[name=title]', 'Backup disk lost in transit');
  await page.fill('input[name=aware_at]', aware);
  await page.fill('textarea[name=aware_evidence]', 'The courier confirmed the loss.');
  await page.check('input[name=nature][value=availability]');
  await page.check('input[name=nature][value=confidentiality]');
  await Promise.all([page.waitForURL(new RegExp(`/privacy/breaches/${ID}$`)), page.click('button:has-text("Record the breach")')]);
  const breachPath = new URL(page.url()).pathname;
  assert.match(await page.locator('#breach-clock').textContent(), /^69 h \d+ min left$/);

  // The banner follows the DPO to any staff page.
  await open(page, '/contacts');
  const banner = page.locator('aside.breach-banner');
  assert.equal(await banner.count(), 1, 'the banner is on the contacts page');
  assert.match(await banner.textContent(), /BR-E2E-001: 69 h \d+ min left/);
  await shot(page, '50-breach-banner');

  // The decision: a risk by the matrix, notify the authority.
  await open(page, breachPath);
  await page.selectOption('select[name=likelihood]', '3');
  await page.selectOption('select[name=severity]', '3');
  await page.fill('textarea[name=consequences]', 'Loss of access to contact history; possible disclosure if the disk is found.');
  await page.fill('textarea[name=measures]', 'Restored from the second backup; backups are now encrypted.');
  await page.fill('input[name=approx_people]', '1200');
  await page.fill('input[name=approx_records]', '1500');
  await page.check('input[name=data_categories][value="Contact details"]');
  await page.selectOption('select[name=authority_decision]', 'notify');
  await submit(page, 'button:has-text("Save the record")');
  assert.match(await page.locator('#risk-level').textContent(), /A high risk/);

  // Draft the authority notice from the record, print it, record it as sent.
  await page.fill('input[name=authority]', 'Garante per la protezione dei dati personali');
  await submit(page, 'button:has-text("Draft from the record")');
  const notice = page.locator('article.notice').first();
  assert.match(await notice.textContent(), /SHA-256 [0-9a-f]{64}/);
  const printHref = await notice.locator('a:has-text("Print")').getAttribute('href');
  await open(page, printHref);
  const doc = await page.locator('table.doc').textContent();
  assert.ok(doc.includes('Likely consequences') && doc.includes('Restored from the second backup'), doc);
  await shot(page, '51-breach-notice-print');
  await open(page, breachPath);
  await submit(page, 'article.notice button:has-text("Record as sent")');
  assert.match(await page.locator('article.notice').first().textContent(), /Sent \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  // Notified: the clock no longer runs and the banner is gone.
  await open(page, '/contacts');
  assert.equal(await page.locator('aside.breach-banner').count(), 0, 'no banner once the authority was notified');
  await open(page, '/privacy/breaches');
  assert.match(await page.locator('tr', { hasText: 'BR-E2E-001' }).textContent(), /Yes/);
  await shot(page, '52-breaches');
});
