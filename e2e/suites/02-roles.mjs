// Roles, safety (XSS, CSP), bulk actions, small screens and the other main pages.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, ADMIN, MARKETING, PHONE, ID, state, seen, newContext, open, signIn, shot, path, submit, createContact, assertText, contactRow, headers, noOverflow } from '../lib.mjs';

test('5. a marketing user never receives a phone number', async () => {
  const { id, phone } = seen.italian;
  const digits = phone.replace(/\D/g, '');
  const marketing = await newContext();
  const { page } = marketing;
  try {
    await signIn(page, MARKETING);
    assert.match(await page.locator('header .role').textContent(), /marketing/);

    const res = await open(page, `/contacts/${id}`);
    await assertText(page, '#contact-name', seen.italian.name); // the page itself is shown
    for (const [what, html] of [
      ['response body', await res.text()],
      ['page HTML', await page.content()],
    ]) {
      const flat = html.replace(/\D/g, '');
      assert.ok(!html.includes(phone), `${what} holds the phone number`);
      assert.ok(!flat.includes(digits.slice(2)), `${what} holds the phone digits`);
      assert.ok(!html.includes('8421 7753'), `${what} holds part of the phone number`);
    }
    assert.equal(await page.locator('#phones, [name=phones]').count(), 0, 'no phone input');
    const labels = await page.locator('dt, label, th, legend').allTextContents();
    assert.deepEqual(labels.filter((t) => /phone/i.test(t)), [], 'no "Phone" label');
    // Marketing may edit (it writes to the CRM) but without the phone field.
    assert.equal(await page.locator('#edit form #first_name').count(), 1);

    // The list ignores a requested phone column; the email column still shows.
    const list = await open(page, '/contacts?cols=phone&cols=email');
    const hs = await headers(page);
    assert.ok(hs.includes('Email'), `the requested email column is shown: ${hs}`);
    assert.ok(!hs.some((h) => /phone/i.test(h)), `no phone column: ${hs}`);
    assert.equal(await page.locator('input[name=cols][value=phone]').count(), 0, 'phone is not a column choice');
    assert.equal(await contactRow(page, id).count(), 1, 'the contact is listed');
    for (const html of [await list.text(), await page.content()]) {
      assert.ok(!html.replace(/\D/g, '').includes(digits.slice(2)), 'the list holds the phone digits');
    }

    // Positive control: the same address shows the phone column to admin.
    await open(state.admin.page, '/contacts?cols=phone&cols=email');
    assert.ok((await headers(state.admin.page)).includes('Phone'));
    assert.match(await contactRow(state.admin.page, id).textContent(), /\+39 06 8421 7753/);
  } finally {
    await marketing.context.close();
  }
});


test('6. XSS: markup in names is shown as text, never run; pages carry a strict CSP', async () => {
  const { page } = state.admin;
  const first = '<script>alert(1)</script>';
  const last = '<img src=x onerror=alert(2)>';
  const name = `${first} ${last}`;
  const id = await createContact(page, { first, last, tags: '<b>x</b>' });
  seen.xss = { id, name };

  for (const where of [`/contacts/${id}`, '/contacts']) {
    const res = await open(page, where);
    const csp = res.headers()['content-security-policy'];
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers()['x-frame-options'], 'DENY');
    await page.waitForLoadState('load');
    await page.waitForTimeout(200); // room for a (wrongly) running onerror handler

    const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => e.src || e.textContent));
    assert.deepEqual(scripts, [`${BASE}/assets/kith.js`], 'only kith.js is a script');
    assert.equal(await page.locator('img').count(), 0, 'no injected img element');
    assert.equal(await page.locator('b').count(), 0, 'no injected b element');
    const html = await res.text();
    assert.ok(!html.includes(first) && !html.includes(last), 'the markup is escaped in the HTML');
  }
  // On the list page now.
  const link = contactRow(page, id).locator(`a[href="/contacts/${id}"]`);
  assert.equal((await link.textContent()).trim(), name);
  assert.ok((await contactRow(page, id).locator('.tag').allTextContents()).includes('<b>x</b>'));
  // On its page: heading and edit form hold the literal text.
  await open(page, `/contacts/${id}`);
  await assertText(page, '#contact-name', name);
  assert.equal(await page.inputValue('#first_name'), first);
  assert.equal(await page.inputValue('#last_name'), last);
});


test('7. bulk: tick two rows, add a tag, review "2 contacts", confirm, both rows show it', async () => {
  const { page } = state.admin;
  const a = await createContact(page, { first: 'Giulia', last: 'Bianchi' });
  const b = await createContact(page, { first: 'Lorenzo', last: 'Esposito' });
  const tag = 'fiera-2026';

  await open(page, '/contacts');
  await page.getByLabel('Select Giulia Bianchi', { exact: true }).check();
  await page.getByLabel('Select Lorenzo Esposito', { exact: true }).check();
  await page.selectOption('#bulk-action', 'add_tag');
  await page.fill('#bulk-tag', tag);
  await Promise.all([page.waitForURL(`${BASE}/contacts/bulk`), page.click('#bulk button:has-text("Review…")')]);
  const summary = (await page.locator('#bulk-summary').textContent()).replace(/\s+/g, ' ').trim();
  assert.match(summary, /\b2 contacts\b/, summary);
  assert.match(summary, new RegExp(tag));
  await shot(page, '13-bulk-confirm');

  await Promise.all([
    page.waitForURL(/\/contacts\?notice=bulk&n=2$/),
    page.click('button:has-text("Change 2 contacts")'),
  ]);
  await assertText(page, '.notice', '2 contacts changed.');
  await shot(page, '02-contacts');
  for (const id of [a, b]) {
    const tags = await contactRow(page, id).locator('.tag').allTextContents();
    assert.ok(tags.includes(tag), `row ${id} shows the tag: ${tags}`);
  }
  const other = await contactRow(page, seen.italian.id).locator('.tag').allTextContents();
  assert.ok(!other.includes(tag), 'an unticked row is unchanged');
  // The tag filter finds exactly those two.
  await open(page, `/contacts?tag=${tag}`);
  assert.equal(await page.locator('table tbody tr').count(), 2);
});


test('8. phone width and keyboard: no horizontal overflow at 375 px with a long Bulgarian name', async () => {
  const phone = await newContext({ viewport: PHONE, storageState: await state.admin.context.storageState() });
  const { page } = phone;
  const first = 'Цветелина-Александра';
  const last = 'Христова-Димитрова';
  try {
    const id = await createContact(page, {
      first,
      last,
      emails: 'tsvetelina-aleksandra.hristova-dimitrova@example.bg',
      phones: '+359 88 123 4567',
    });
    await assertText(page, '#contact-name', `${first} ${last}`);
    await noOverflow(page, 'contact page');
    const h1 = await page.locator('#contact-name').boundingBox();
    assert.ok(h1.x >= 0 && h1.x + h1.width <= PHONE.width + 1, `the name fits: ${JSON.stringify(h1)}`);
    await shot(page, '15-contact-375px');

    await open(page, '/contacts?cols=email&cols=phone&cols=job_title&cols=company&cols=owner&cols=tags&cols=created');
    await noOverflow(page, 'contacts list');
    await shot(page, '14-contacts-375px');
    await open(page, '/contacts/new');
    await noOverflow(page, 'new contact');

    // Keyboard only: the first Tab reaches the skip link, Enter jumps to the
    // content; the search box submits with Enter.
    await open(page, '/contacts');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, '#main');
    await page.locator('#q').focus();
    await page.keyboard.type('цвет');
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    const rows = page.locator('table tbody tr');
    assert.equal(await rows.count(), 1, 'the keyboard search finds the contact');
    assert.equal(await contactRow(page, id).count(), 1);
    await noOverflow(page, 'search results');
    // The result link opens with Enter.
    const link = contactRow(page, id).locator('a').first();
    await link.focus();
    await Promise.all([page.waitForURL(`${BASE}/contacts/${id}`), page.keyboard.press('Enter')]);
    await noOverflow(page, 'contact page (keyboard)');
  } finally {
    await phone.context.close();
  }
});


test('8b. every other main page fits a 375 px screen', async () => {
  const phone = await newContext({ viewport: PHONE, storageState: await state.admin.context.storageState() });
  const { page } = phone;
  try {
    for (const url of [
      `/contacts/${seen.xss.id}`,
      '/companies',
      '/deals/list',
      `/deals/${seen.deal.id}`,
      '/audit',
      '/admin/users',
      '/admin/fields',
      '/admin/tokens',
      '/import',
    ]) {
      await open(page, url);
      await noOverflow(page, url);
    }
  } finally {
    await phone.context.close();
  }
});


// The board scrolls sideways inside its own box; the page itself must not.
// (Its cards' visually hidden labels once escaped that box and widened the
// page to 978 px; `.board { position: relative }` fixed it.)
test('8c. the pipeline board fits a 375 px screen', async () => {
  const phone = await newContext({ viewport: PHONE, storageState: await state.admin.context.storageState() });
  const { page } = phone;
  try {
    await open(page, '/deals');
    assert.ok((await page.locator('#board article.deal').count()) >= 2);
    await noOverflow(page, '/deals');
    await shot(page, '16-pipeline-board-375px');
  } finally {
    await phone.context.close();
  }
});


test('9. companies, audit and admin pages work and are captured', async () => {
  const { page } = state.admin;

  // Companies: create one through the form, land on its page.
  await open(page, '/companies');
  await page.fill('#name', 'Ferrè & Figli S.p.A.');
  await page.fill('#domain', 'ferre-figli.example');
  await page.fill('#industry', 'Torrefazione');
  await Promise.all([page.waitForURL(new RegExp(`/companies/${ID}$`)), page.click('button:has-text("Create company")')]);
  const companyId = path(page).split('/').pop();
  await assertText(page, 'h1', 'Ferrè & Figli S.p.A.');
  assert.match(await page.locator('dl.details').textContent(), /ferre-figli\.example/);
  await shot(page, '06-company');
  await open(page, '/companies');
  assert.equal(await page.locator(`table a[href="/companies/${companyId}"]`).count(), 1);
  await shot(page, '05-companies');

  await open(page, '/deals/list');
  await shot(page, '08-deals-list');

  // Audit: entries exist, and hold ids, never personal values.
  const audit = await open(page, '/audit');
  assert.ok((await page.locator('#entries tbody tr').count()) > 0, 'the audit trail has entries');
  const auditHtml = await audit.text();
  for (const secret of ['Niccolò', 'Ferrè', '8421 7753', 'Цветелина']) {
    assert.ok(!auditHtml.includes(secret), `the audit page shows a personal value (${secret})`);
  }
  await Promise.all([page.waitForURL(`${BASE}/audit/verify`), page.click('button:has-text("Verify the whole chain")')]);
  assert.equal(await page.locator('#verdict.notice').count(), 1, `chain verified: ${await page.locator('#verdict').textContent()}`);
  await open(page, '/audit');
  await shot(page, '09-audit');

  await open(page, '/admin/users');
  const users = await page.locator('#users tbody').textContent();
  assert.ok(users.includes(ADMIN.email) && users.includes(MARKETING.email), users);
  await shot(page, '10-admin-users');

  await open(page, '/admin/fields');
  assert.equal(await page.locator('input[value="marketing:phones"]').isChecked(), false, 'phones hidden for marketing');
  assert.equal(await page.locator('input[value="admin:phones"]').isChecked(), true);
  await shot(page, '11-field-visibility');

  await open(page, '/admin/tokens');
  await page.fill('#token-name', 'e2e sync');
  await submit(page, 'button:has-text("Create token")');
  const secret = (await page.locator('#new-token').textContent()).trim();
  assert.ok(secret.length >= 20, 'a new token is shown once');
  assert.match(await page.locator('#tokens').textContent(), /e2e sync/);
  // It works against the API…
  const api = await fetch(`${BASE}/api/v1/contacts`, { headers: { authorization: `Bearer ${secret}` } });
  assert.equal(api.status, 200);
  // …and is not shown again.
  await open(page, '/admin/tokens');
  assert.ok(!(await page.content()).includes(secret), 'the token is shown only once');
  await shot(page, '12-tokens');
});
