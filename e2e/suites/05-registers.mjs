// Accountability registers: the record of processing computed from the data,
// a processor in a third country refused without a transfer mechanism and
// accepted with one, the register naming it, its print view and exports.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, state, newContext, open, shot, submit, noOverflow } from '../lib.mjs';

test('11. registers: a US processor needs a transfer mechanism; the record of processing names it and prints as a document', async () => {
  const { page } = state.admin;
  await open(page, '/privacy/register');
  assert.match(await page.locator('h1').textContent(), /Record of processing activities/);
  const before = Number((await page.locator('p:has-text("Version")').first().textContent()).match(/Version (\d+)/)[1]);

  await open(page, '/privacy/recipients/new');
  await page.fill('input[name=legal_name]', 'Transatlantic Mail LLC');
  await page.selectOption('select[name=role]', 'processor');
  await page.fill('input[name=processing_countries]', 'IE, US');
  const purpose = page.locator('input[name=purposes]').first();
  await purpose.check();
  const purposeName = (await page.locator('label', { has: purpose }).textContent()).trim();
  await submit(page, 'button:has-text("Save recipient")');
  // Refused: the United States is outside the EEA and no mechanism was given.
  const alert = await page.locator('.error').allTextContents();
  assert.ok(alert.join(' ').includes('United States: a transfer outside the EEA needs a Chapter V mechanism'), alert.join(' | '));
  const us = page.locator('.transfer-row', { has: page.locator('input[name=t_country][value=US]') });
  assert.equal(await us.count(), 1, 'a transfer row for the United States is offered');
  await us.locator('select[name=t_mechanism]').selectOption('scc');
  await us.locator('select[name=t_scc_module]').selectOption('2');
  await us.locator('input[name=t_tia]').fill('TIA-2026-07');
  await Promise.all([page.waitForURL(/\/privacy\/recipients$/), page.click('button:has-text("Save recipient")')]);
  const row = page.locator('tr', { hasText: 'Transatlantic Mail LLC' });
  assert.match(await row.textContent(), /United States: Standard contractual clauses/);
  assert.match(await row.textContent(), /no signed data-processing agreement/);
  await shot(page, '40-recipients');

  await open(page, '/privacy/register');
  const after = Number((await page.locator('p:has-text("Version")').first().textContent()).match(/Version (\d+)/)[1]);
  assert.ok(after > before, `a new register version (${before} → ${after})`);
  const activity = page.locator('section.activity', { has: page.locator('h2', { hasText: purposeName }) });
  const text = await activity.textContent();
  assert.ok(text.includes('Transatlantic Mail LLC'), 'the activity names the recipient');
  assert.match(text, /United States: Standard contractual clauses \(Art\. 46\(2\)\(c\)\) \(Module 2/);
  await shot(page, '41-register');

  const jsonld = await page.request.get('/privacy/register/export?format=jsonld');
  assert.equal(jsonld.status(), 200);
  const doc = await jsonld.json();
  assert.equal(doc['@context'].dpv, 'https://w3id.org/dpv#');
  assert.ok(doc['dpv:hasProcess'].some((p) => p['dct:title'] === purposeName && p['dpv:hasThirdCountry'].includes('loc:US')));
  const csv = await page.request.get('/privacy/register/export?format=csv');
  assert.match(await csv.text(), /^"Processing activity","Reference"/);

  await open(page, '/privacy/register/print');
  const running = await page.locator('header.running').textContent();
  assert.match(running, /Record of processing activities \(GDPR Art\. 30\) · version \d+/);
  assert.equal(await page.locator('nav').count(), 0, 'the print view is a document, without navigation');
  await page.emulateMedia({ media: 'print' });
  await shot(page, '42-register-print');
  await page.emulateMedia({ media: 'screen' });

  const phone = await newContext({ viewport: PHONE, storageState: await state.admin.context.storageState() });
  for (const p of ['/privacy/register', '/privacy/recipients', '/privacy/recipients/new']) {
    await open(phone.page, p);
    await noOverflow(phone.page, p);
  }
  await phone.context.close();
});
