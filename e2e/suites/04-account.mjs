// Import, the second factor and signing out.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { BASE, MARKETING, PHONE, ID, problems, state, newContext, open, signIn, shot, path, submit, assertText, noOverflow } from '../lib.mjs';

// Privacy → Import contacts: upload a CSV, map its columns, check it
// (nothing written), import it; each contact records the file and line.
test('9e. import: upload a CSV, check it, import it; the contact names the file and line as its source', async () => {
  const { page } = state.admin;
  // Fictitious people; line 4 (the third data row) has no valid email address.
  const csv = [
    'Nome;Cognome;Email;Punteggio',
    'Ottavia;Brambilla;ottavia.brambilla@example.it;87',
    'Ruggero;Pellizzari;ruggero.pellizzari@example.it;42',
    'Giorgio;Conti;giorgio.conti.example.it;15',
    '',
  ].join('\n');

  // --- 1. Upload, reached from the privacy overview ----------------------------
  await open(page, '/privacy');
  await Promise.all([page.waitForURL(`${BASE}/import`), page.locator('a[href="/import"]', { hasText: 'Import contacts' }).click()]);
  await assertText(page, 'h1', 'Import contacts');
  await page.setInputFiles('input[name=file]', { name: 'fiera.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await shot(page, '23-import-upload');
  await Promise.all([
    page.waitForURL(new RegExp(`/import/${ID}$`)),
    page.click('button:has-text("Upload and map the columns")'),
  ]);
  const run = path(page);
  await assertText(page, 'h1', 'Import of fiera.csv');
  await assertText(page, '#state', 'Uploaded: map the columns and check the file');

  // --- 2. The columns: recognised names are chosen, the score is ignored ------
  const rows = page.locator('table#mapping tbody tr');
  assert.deepEqual((await rows.locator('td:first-child').allTextContents()).map((s) => s.trim()), ['Nome', 'Cognome', 'Email', 'Punteggio']);
  const selects = rows.locator('select[name=col]');
  assert.equal(await selects.count(), 4, 'one select per column');
  assert.deepEqual(await selects.evaluateAll((els) => els.map((e) => e.value)), ['first_name', 'last_name', 'email', '']);
  assert.equal((await rows.nth(3).locator('select option:checked').textContent()).trim(), '(ignored)');
  await shot(page, '24-import-mapping');

  // --- 3. Check: the page refreshes itself until the result --------------------
  await submit(page, 'button[name=mode][value=check]');
  await page.waitForSelector('#counts', { timeout: 20_000 });
  assert.equal(path(page), run);
  await assertText(page, '#result-h', 'Check: nothing was written');
  await assertText(page, '#counts', '2 would be created, 0 would be updated, 0 skipped, 1 rejected.');
  await assertText(page, '#state', 'Checked: 2 would be created, 0 would be updated, 0 skipped, 1 rejected');
  const problemRows = async () =>
    Promise.all((await page.locator('table#problems tbody tr').all()).map(async (r) => (await r.locator('td').allTextContents()).map((s) => s.trim())));
  assert.deepEqual(await problemRows(), [['4', 'rejected', 'an email address is not valid']]);
  assert.equal(await selects.count(), 4, 'the file is kept: the columns can still be changed');
  await shot(page, '25-import-checked');

  // Nothing was written by the check.
  await open(page, '/contacts');
  await page.fill('#q', 'Brambilla');
  await submit(page, '#filters button[type=submit]');
  assert.equal(await page.locator('table tbody tr').count(), 0, 'the check created no contact');

  // The checked run on a phone: the mapping and problem tables scroll in their own boxes.
  const phone = await newContext({ viewport: PHONE, storageState: await state.admin.context.storageState() });
  try {
    await open(phone.page, run);
    await phone.page.waitForSelector('#counts');
    await noOverflow(phone.page, run);
    await shot(phone.page, '27-import-375px');
  } finally {
    await phone.context.close();
  }

  // --- 4. Import -----------------------------------------------------------------
  await open(page, run);
  await submit(page, 'button[name=mode][value=import]');
  await page.locator('#counts', { hasText: /^2 created,/ }).waitFor({ timeout: 20_000 });
  assert.equal(path(page), run);
  await assertText(page, '#result-h', 'Import');
  await assertText(page, '#counts', '2 created, 0 updated, 0 skipped, 1 rejected. Done up to line 4.');
  assert.match(await page.locator('p.muted', { hasText: 'uploaded' }).textContent(), /The file is no longer kept\./);
  assert.deepEqual(await problemRows(), [['4', 'rejected', 'an email address is not valid']]);
  assert.equal(await page.locator('table#mapping').count(), 0, 'no mapping form once the file is gone');
  await shot(page, '26-import-done');

  await open(page, '/import');
  const listed = page.locator('table#runs tbody tr', { has: page.locator(`a[href="${run}"]`) });
  assert.equal(await listed.count(), 1, 'the run is listed');
  assert.deepEqual((await listed.locator('td').allTextContents()).slice(1).map((s) => s.trim()), [
    'fiera.csv',
    'Imported: 2 created, 0 updated, 0 skipped, 1 rejected',
  ]);

  // --- 5. The contacts: found by name, the source names the file and line --------
  await open(page, '/contacts');
  await page.fill('#q', 'Brambilla');
  await submit(page, '#filters button[type=submit]');
  const found = page.locator('table tbody tr');
  assert.equal(await found.count(), 1, 'the search finds the imported contact');
  const link = found.first().locator('a[href^="/contacts/"]').first();
  assert.equal((await link.textContent()).trim(), 'Ottavia Brambilla');
  await Promise.all([page.waitForURL(new RegExp(`/contacts/${ID}$`)), link.click()]);
  await assertText(page, '#contact-name', 'Ottavia Brambilla');
  assert.match(await page.locator('#details').textContent(), /ottavia\.brambilla@example\.it/);
  assert.match((await page.locator('#source').textContent()).trim(), /^Import: fiera\.csv, line 2 — /);

  // The rejected line created nobody.
  await open(page, '/contacts');
  await page.fill('#q', 'Giorgio');
  await submit(page, '#filters button[type=submit]');
  assert.equal(await page.locator('table tbody tr').count(), 0, 'the rejected line is not a contact');
});

/** The RFC 6238 code (HMAC-SHA-1, 6 digits, 30 s steps) of a base32 secret at Unix time `t`. */
function totp(secretBase32, t = Date.now() / 1000) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(t / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const off = mac[19] & 0x0f;
  const bin = mac.readUInt32BE(off) & 0x7fffffff;
  return String(bin % 1_000_000).padStart(6, '0');
}


test('9f. second factor: enrol with the QR code\'s secret, sign out, sign in with a code', async () => {
  const { context, page } = await newContext();
  await signIn(page, MARKETING);
  await open(page, '/account');
  // The strength meter asks the server (kith.js, under the strict CSP).
  await page.fill('#password', 'password1234');
  await page.waitForFunction(() => /common/.test(document.querySelector('#password-strength').textContent));
  await page.fill('#password', '');

  await submit(page, 'form[action="/account/second-factor/start"] button');
  const qrLoaded = await page.locator('#qr').evaluate((img) => img.complete && img.naturalWidth > 0);
  assert.ok(qrLoaded, 'the QR code image shows (data: URL allowed by the CSP)');
  const secret = (await page.locator('#totp-secret').textContent()).trim();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await page.fill('#code', totp(secret));
  await submit(page, 'form[action="/account/second-factor/confirm"] button');
  assert.equal(await page.locator('#recovery-codes li').count(), 10, 'ten recovery codes shown once');
  assert.match(await page.locator('#second-factor-state').textContent(), /^On:/);
  await shot(page, 'account-second-factor');

  await Promise.all([page.waitForURL(`${BASE}/login`), page.click('header form[action="/logout"] button')]);
  await open(page, '/login');
  await page.fill('#email', MARKETING.email);
  await page.fill('#password', MARKETING.password);
  await Promise.all([page.waitForURL(/\/login\/code$/), page.click('form[action="/login"] button[type=submit]')]);
  await page.goto('/contacts');
  assert.equal(path(page), '/login', 'the password alone opens nothing');
  await open(page, '/login');
  await page.fill('#email', MARKETING.email);
  await page.fill('#password', MARKETING.password);
  await Promise.all([page.waitForURL(/\/login\/code$/), page.click('form[action="/login"] button[type=submit]')]);
  await shot(page, 'login-code');
  // The code of the next step: the one used to enrol is never accepted twice.
  await page.fill('#code', totp(secret, Date.now() / 1000 + 30));
  await Promise.all([page.waitForURL(/\/contacts$/), page.click('form[action="/login/code"] button')]);
  await context.close();
});
