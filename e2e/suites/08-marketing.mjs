// Marketing that obeys consent: the privacy officer (here the admin) opens
// the "no basis" count on the Privacy overview, gets that segment with the
// same count, saves it for the team, writes an Italian consent-request
// template and asks everyone in the segment; then a newsletter campaign is
// created for a saved segment and its page shows the delivery counts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { state, open, shot, submit, ID } from '../lib.mjs';

test('15. segments: a count on the overview opens its segment, which is saved and asked for consent with an Italian template', async () => {
  const { page } = state.admin;
  await open(page, '/privacy');
  const link = page.locator('table a[href*=":none"]').first();
  const shown = Number((await link.textContent()).trim());
  const href = await link.getAttribute('href');
  assert.match(href, /^\/contacts\?basis=[0-9a-f-]{36}:none$/);
  await open(page, href);
  const status = await page.locator('#segment [role=status] strong').textContent();
  assert.equal(Number(status.replace(/\D/g, '')), shown, 'the list counts what the overview showed');
  assert.equal(await page.locator('#segment ul.badges li').count(), 1, 'one condition chip');
  await shot(page, '60-segment');

  await page.fill('#segment-name', 'No basis (e2e)');
  await page.check('input[name=shared]');
  await submit(page, 'button:has-text("Save segment")');
  await open(page, '/contacts/segments');
  assert.match(await page.locator('main').textContent(), /No basis \(e2e\)/);

  await open(page, '/templates/new');
  await page.fill('input[name=name]', 'Richiesta di consenso (e2e)');
  await page.selectOption('select[name=kind]', 'consent_request');
  await page.fill('input[name=subject_it]', 'Possiamo scriverle?');
  await page.fill('textarea[name=body_it]', 'Gentile {{first_name|cliente}},\n\nper acconsentire apra: {{confirm_url}}');
  await submit(page, 'button:has-text("Save template")');
  assert.equal(await page.locator('.error').count(), 0, (await page.locator('.error').allTextContents()).join(' | '));

  if (shown > 0) {
    await open(page, href);
    await submit(page, '#request-consent-all button');
    await page.selectOption('select[name=template]', { label: 'Richiesta di consenso (e2e) (it)' });
    await submit(page, '#request-all button[type=submit]');
    await shot(page, '61-request-confirm');
    await submit(page, 'button:has-text("Send to")');
    assert.match(await page.locator('main').textContent(), /Consent requested from \d+ contacts?\./);
  }
});

test('16. campaigns: a newsletter to a saved segment is scheduled and its page shows the delivery counts', async () => {
  const { page } = state.admin;
  await open(page, '/templates/new');
  await page.fill('input[name=name]', 'Newsletter (e2e)');
  await page.selectOption('select[name=kind]', 'newsletter');
  await page.fill('input[name=subject_en]', 'News from us');
  await page.fill('textarea[name=body_en]', 'Hello {{first_name|there}}, this month: our new catalogue.');
  await submit(page, 'button:has-text("Save template")');
  assert.equal(await page.locator('.error').count(), 0, (await page.locator('.error').allTextContents()).join(' | '));

  await open(page, '/campaigns/new');
  await page.fill('input[name=name]', 'December newsletter (e2e)');
  await page.selectOption('select[name=template]', { label: 'Newsletter (e2e)' });
  await page.selectOption('select[name=segment]', { label: 'No basis (e2e)' });
  await page.check('input[name=when][value=now]');
  await Promise.all([page.waitForURL(new RegExp(`/campaigns/${ID}$`)), page.click('#campaign-form button[type=submit]')]);
  const main = await page.locator('main').textContent();
  assert.match(main, /December newsletter \(e2e\)/);
  assert.match(main, /Delivery/);
  await shot(page, '62-campaign');
  await open(page, '/campaigns');
  assert.match(await page.locator('main').textContent(), /December newsletter \(e2e\)/);
});
