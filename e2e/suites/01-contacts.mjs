// Contacts, the timeline and deals.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, ADMIN, ID, state, seen, newContext, open, shot, path, submit, createContact, assertText, contactRow } from '../lib.mjs';

test('1. sign-in: a wrong password is refused generically, the right one lands on /contacts', async () => {
  state.admin = await newContext();
  const { page, context } = state.admin;

  await open(page, '/contacts'); // signed out: sent to the sign-in page
  assert.equal(path(page), '/login');
  await shot(page, '01-sign-in');

  // Wrong password for a real account, then an unknown account: the same words.
  const messages = [];
  for (const [email, password] of [
    [ADMIN.email, 'not-the-password-at-all'],
    ['nobody@example.com', ADMIN.password],
  ]) {
    await page.fill('#email', email);
    await page.fill('#password', password);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${BASE}/login` && r.request().method() === 'POST'),
      submit(page, 'form[action="/login"] button[type=submit]'),
    ]);
    assert.equal(res.status(), 401);
    assert.equal(path(page), '/login');
    messages.push((await page.locator('#login-error').textContent()).trim());
    assert.equal(await page.inputValue('#email'), email, 'the email is kept');
    assert.equal(await page.inputValue('#password'), '', 'the password is not sent back');
  }
  assert.deepEqual(messages, Array(2).fill('The email or the password is not correct.'));
  assert.equal((await context.cookies()).some((c) => c.name === 'kith_session'), false, 'no session yet');

  await page.fill('#email', ADMIN.email);
  await page.fill('#password', ADMIN.password);
  await Promise.all([page.waitForURL(`${BASE}/contacts`), page.click('form[action="/login"] button[type=submit]')]);
  await assertText(page, 'h1', 'Contacts');
  assert.ok((await page.locator('header .user').textContent()).includes(ADMIN.email), 'the header names the user');
  const session = (await context.cookies()).find((c) => c.name === 'kith_session');
  assert.ok(session, 'a session cookie is set');
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, 'Lax');

  // Signed in, /login goes straight to work.
  await page.goto('/login');
  assert.equal(path(page), '/contacts');
});


test('2. create an Italian contact with a phone, then find it by a name prefix', async () => {
  const { page } = state.admin;
  const first = 'Niccolò';
  const last = "Dell'Acqua Ferrè";
  const phone = '+39 06 8421 7753';

  await open(page, '/contacts/new');
  await shot(page, '04-new-contact');
  const id = await createContact(page, { first, last, phones: phone, emails: 'niccolo.ferre@example.it' });
  seen.italian = { id, name: `${first} ${last}`, phone };

  await assertText(page, '#contact-name', `${first} ${last}`);
  const details = await page.locator('#details').textContent();
  assert.ok(details.includes(phone), `the phone is on the page for admin: ${details}`);
  assert.ok(details.includes('niccolo.ferre@example.it'));

  // Search: three letters of the first name in another case, sent by the form.
  for (const q of ['nIC', 'FERRE']) {
    await open(page, '/contacts');
    await page.fill('#q', q);
    await submit(page, '#filters button[type=submit]');
    // Search text travels in a POST body, never in the address.
    assert.equal(page.url(), `${BASE}/contacts`, `search "${q}" stays off the URL`);
    assert.equal(await page.inputValue('#q'), q);
    const link = contactRow(page, id).locator(`a[href="/contacts/${id}"]`);
    assert.equal(await link.count(), 1, `search "${q}" finds the contact`);
    assert.equal((await link.textContent()).trim(), `${first} ${last}`);
  }
  // A prefix that matches nobody.
  await open(page, '/contacts');
  await page.fill('#q', 'Zzq');
  await submit(page, '#filters button[type=submit]');
  assert.equal(await contactRow(page, id).count(), 0, 'an unrelated prefix does not find it');
  assert.match(await page.locator('.empty').textContent(), /No contacts match this search/);

  // The row links to the contact.
  await open(page, '/contacts');
  await Promise.all([page.waitForURL(`${BASE}/contacts/${id}`), contactRow(page, id).locator('a').first().click()]);
  await assertText(page, '#contact-name', `${first} ${last}`);
});


test('3. a note added with the quick-add form appears in the activity timeline', async () => {
  const { page } = state.admin;
  const { id } = seen.italian;
  const note = 'Chiamata: preventivo <entro> venerdì & "sabato" — richiamare';

  await open(page, `/contacts/${id}`);
  assert.match(await page.locator('#timeline').textContent(), /Nothing recorded yet/);
  await page.selectOption('#kind', 'note');
  await page.fill('#body', note);
  await Promise.all([
    page.waitForURL(`${BASE}/contacts/${id}?notice=added#timeline`),
    page.click('form[action$="/interactions"] button[type=submit]'),
  ]);
  await assertText(page, '.notice', 'Added to the timeline.');
  const items = page.locator('#timeline ol.timeline > li');
  assert.equal(await items.count(), 1);
  assert.equal((await items.first().locator('.kind').textContent()).trim(), 'note');
  assert.equal((await items.first().locator('.body').textContent()).trim(), note);

  // An empty note is refused next to the field, and nothing is added.
  await page.fill('#body', '');
  await submit(page, 'form[action$="/interactions"] button[type=submit]');
  assert.equal(await page.locator('#body-error').count(), 1, 'an empty note shows an error');
  assert.equal(await page.locator('#timeline ol.timeline > li').count(), 1);
  await open(page, `/contacts/${id}`);
  await shot(page, '03-contact');
});


test('4. deals: create one, move it lead → qualified → won with its card form, see the history', async () => {
  const { page } = state.admin;
  const title = 'Fornitura caffè — Q3';

  await open(page, '/deals');
  await page.fill('#title', title);
  await page.selectOption('#new-stage', 'lead');
  await page.fill('#amount', '12500.50');
  await page.fill('#currency', 'EUR');
  await Promise.all([page.waitForURL(new RegExp(`/deals/${ID}$`)), page.click('button:has-text("Create deal")')]);
  const id = path(page).split('/').pop();
  seen.deal = { id, title };
  await assertText(page, 'h1', title);
  await assertText(page, '#deal-stage', 'Lead');

  const column = (key) => page.locator(`#board section.stage[data-stage="${key}"]`);
  const stageOfCard = async () => {
    const card = page.locator(`#deal-${id}`);
    assert.equal(await card.count(), 1, 'the card is on the board once');
    return card.evaluate((el) => el.closest('section.stage').dataset.stage);
  };

  await open(page, '/deals');
  assert.equal(await stageOfCard(), 'lead');
  assert.match(await column('lead').locator('h2').textContent(), /Lead\s+1/);
  assert.match(await column('lead').textContent(), /€12,500\.50/);

  for (const stage of ['qualified', 'won']) {
    const card = page.locator(`#deal-${id}`);
    await card.locator('select[name=stage]').selectOption(stage);
    await Promise.all([
      page.waitForURL(`${BASE}/deals?notice=moved`),
      card.locator('form.move button[type=submit]').click(),
    ]);
    await assertText(page, '.notice', 'Deal moved.');
    assert.equal(await stageOfCard(), stage, `the card is in the ${stage} column`);
  }
  assert.equal(await column('lead').locator('article.deal').count(), 0);
  assert.match(await column('won').locator('h2').textContent(), /Won\s+1/);

  await open(page, `/deals/${id}`);
  await assertText(page, '#deal-stage', 'Won');
  const history = (await page.locator('#history li div').allTextContents()).map((s) => s.trim());
  assert.deepEqual(history, ['Qualified → Won', 'Lead → Qualified', 'Created in Lead']);

  // The list view counts it under Won.
  await open(page, '/deals/list');
  const won = page.locator('#totals tbody tr', { hasText: 'Won' });
  assert.deepEqual((await won.locator('td').allTextContents()).map((s) => s.trim()), ['Won', '1', '€12,500.50']);
  assert.equal(await page.locator(`table a[href="/deals/${id}"]`).count(), 1);
});


test('4b. deals: drag a card onto another column (kith.js submits its move form)', async () => {
  const { page } = state.admin;
  await open(page, '/deals');
  await page.fill('#title', 'Trascinami');
  await Promise.all([page.waitForURL(new RegExp(`/deals/${ID}$`)), page.click('button:has-text("Create deal")')]);
  const id = path(page).split('/').pop();

  await open(page, '/deals');
  await page.waitForLoadState('load'); // kith.js (deferred) has bound its handlers
  const target = page.locator('#board section.stage[data-stage="proposal"]');
  // Grab the card by its corner: its middle is the move form's select.
  await Promise.all([
    page.waitForURL(`${BASE}/deals?notice=moved`),
    page.dragAndDrop(`#deal-${id}`, '#board section.stage[data-stage="proposal"]', { sourcePosition: { x: 4, y: 4 } }),
  ]);
  assert.equal(await target.locator(`#deal-${id}`).count(), 1, 'the dropped card is in the Proposal column');
  await shot(page, '07-pipeline-board');
  await open(page, `/deals/${id}`);
  await assertText(page, '#deal-stage', 'Proposal');
});
