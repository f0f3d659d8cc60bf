// Consent: forms with double opt-in, the preference centre and the privacy portal.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, ID, state, seen, newContext, open, shot, path, submit, assertText } from '../lib.mjs';

// Consent, as people do it: the admin sets up a purpose, a notice, a
// subscription type and a form; a visitor subscribes on /f/newsletter,
// confirms from the mail (read on the Outbox page: no SMTP in these tests),
// and later unsubscribes from the preference centre linked in the receipt.
test('9b. consent: set up a form, subscribe with double opt-in, then unsubscribe from the preference centre', async () => {
  const { page } = state.admin;
  const email = 'lucia.ferri@example.it'; // fictitious

  // --- 1. Setup through /privacy/setup ---------------------------------------
  const setupForm = (action) => page.locator(`form[action="${action}"]`);
  const post = async (action) => {
    await submit(page, `form[action="${action}"] button[type=submit]`);
    assert.equal(path(page), '/privacy/setup', `${action} goes back to the setup page`);
    assert.equal(await page.locator('.error').count(), 0, `${action} is accepted: ${await page.locator('.error').allTextContents()}`);
  };
  await open(page, '/privacy/setup');
  await assertText(page, 'h1', 'Consent setup');

  let f = setupForm('/privacy/purposes');
  await f.locator('[name=name]').fill('Newsletter');
  await f.locator('[name=description]').fill('A monthly email with news from the roastery.');
  await f.locator('[name=default_basis]').selectOption('consent');
  await f.locator('[name=categories]').fill('email address');
  await post('/privacy/purposes');
  assert.match(await page.locator('section.panel', { hasText: 'Purposes' }).textContent(), /Newsletter\s*\(default: Consent\)/);

  f = setupForm('/privacy/notices');
  await f.locator('[name=name]').fill('Privacy notice');
  await f.locator('[name=language]').selectOption('en');
  await f.locator('[name=body]').fill('We use your email address only to send you what you subscribed to.');
  await post('/privacy/notices');
  assert.equal(await page.locator('section.panel a[href^="/n/"]', { hasText: 'Privacy notice v1' }).count(), 1);

  f = setupForm('/privacy/subscriptions');
  await f.locator('[name=name]').fill('Monthly newsletter');
  await f.locator('[name=description]').fill('News and offers, once a month.');
  await f.locator('[name=purpose]').selectOption({ label: 'Newsletter' });
  for (const ch of ['email', 'sms', 'phone', 'post']) {
    await f.locator(`input[name=channel][value=${ch}]`).setChecked(ch === 'email');
  }
  await post('/privacy/subscriptions');
  assert.match(await page.locator('section.panel', { hasText: 'Subscription types' }).textContent(), /Monthly newsletter\s*\(Newsletter\)/);

  f = setupForm('/privacy/forms');
  await f.locator('[name=slug]').fill('newsletter');
  await f.locator('[name=title]').fill('Subscribe to our newsletter');
  await f.locator('[name=intro]').fill('One email a month. You can unsubscribe at any time.');
  await f.locator('label.check', { hasText: 'Monthly newsletter' }).locator('input[name=sub]').check();
  await f.locator('[name=notice]').selectOption({ label: 'Privacy notice v1' });
  await f.locator('[name=language]').selectOption('en');
  await post('/privacy/forms');
  assert.equal(await page.locator('a[href="/f/newsletter"]').count(), 1, 'the form is listed');

  // --- helpers: the outbox, the contact's privacy panel ------------------------
  /** Reloads /outbox (up to 10 s) until a `kind` message rests in the outbox; opens the newest and returns its text. */
  const openMail = async (kind) => {
    const deadline = Date.now() + 10_000;
    let row;
    for (;;) {
      await open(page, '/outbox');
      row = page.locator('table tbody tr').filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${kind}$`) }) }).first();
      if ((await row.count()) === 1 && (await row.locator('td:nth-child(3)').textContent()).trim() === 'outbox') break;
      if (Date.now() > deadline) {
        const table = (await page.locator('table tbody').textContent().catch(() => 'no messages')).replace(/\s+/g, ' ');
        assert.fail(`no "${kind}" message reached the outbox within 10 s: ${table}`);
      }
      await page.waitForTimeout(200);
    }
    await Promise.all([page.waitForURL(new RegExp(`/outbox/${ID}$`)), row.locator('a').click()]);
    const message = await page.locator('section[aria-label=Message]').textContent();
    assert.match(message, new RegExp(`To:\\s*${email.replace(/\./g, '\\.')}`), 'the message is addressed to the subscriber');
    return page.locator('pre.mail').textContent();
  };
  /** The link to `/<prefix>/…` in a mail's text; it must point at the server under test. */
  const linkIn = (text, prefix) => {
    const m = text.match(new RegExp(`https?://[^\\s"]+/${prefix}/[^\\s"]+`));
    assert.ok(m, `a /${prefix}/ link in the message: ${text}`);
    assert.equal(new URL(m[0]).origin, BASE, `the /${prefix}/ link points at the test server`);
    return m[0];
  };
  const kindsInOutbox = async () => {
    await open(page, '/outbox');
    return (await page.locator('table tbody tr td:nth-child(2)').allTextContents()).map((s) => s.trim());
  };
  const panel = async () => {
    await open(page, `/contacts/${contact}`);
    const badges = await page.locator('#privacy ul.badges li.badge').evaluateAll((els) =>
      els.map((e) => ({ class: e.className, text: e.textContent.trim() })),
    );
    const bases = (await page.locator('#privacy dl.bases').textContent()).replace(/\s+/g, ' ').trim();
    return { badges, bases };
  };

  // --- 2. A visitor subscribes -------------------------------------------------
  const visitor = await newContext();
  let contact;
  try {
    const pub = visitor.page;
    await open(pub, '/f/newsletter');
    await assertText(pub, 'h1', 'Subscribe to our newsletter');
    const box = pub.getByLabel('Monthly newsletter');
    assert.equal(await box.count(), 1, 'one subscription is offered');
    assert.equal(await box.isChecked(), false, 'the subscription is not ticked in advance');
    await pub.fill('input[name=email]', email);
    await box.check();
    await shot(pub, '17-consent-form');
    await submit(pub, 'form[action^="/f/newsletter"] button[type=submit]');
    await assertText(pub, 'h1', 'Check your inbox');
    assert.match(await pub.locator('[role=status]').textContent(), /Nothing is sent to you until you confirm/);

    // The contact exists, awaiting confirmation (search by the email, like staff do).
    await open(page, '/contacts');
    await page.fill('#q', email);
    await submit(page, '#filters button[type=submit]');
    const rows = page.locator('table tbody tr');
    assert.equal(await rows.count(), 1, 'the search by email finds one contact');
    const href = await rows.first().locator('a[href^="/contacts/"]').first().getAttribute('href');
    assert.match(href, new RegExp(`^/contacts/${ID}$`));
    contact = href.split('/').pop();
    const awaiting = await panel();
    assert.equal(awaiting.badges.length, 1, JSON.stringify(awaiting.badges));
    assert.equal(awaiting.badges[0].class, 'badge wait');
    assert.match(awaiting.badges[0].text, /^Email: Newsletter — awaiting since /);

    // --- 3. The confirmation mail; opening its link changes nothing ------------
    const confirmLink = linkIn(await openMail('confirm'), 'c');
    await open(pub, confirmLink);
    await assertText(pub, 'h1', 'Confirm your subscription');
    const confirmButton = pub.locator('form[action^="/c/"] button[type=submit]');
    assert.equal((await confirmButton.textContent()).trim(), 'Confirm');
    assert.deepEqual(await panel(), awaiting, 'opening the link (GET) changes nothing');
    assert.ok(!(await kindsInOutbox()).includes('receipt'), 'no receipt before confirming');
    await submit(pub, 'form[action^="/c/"] button[type=submit]');
    await assertText(pub, 'h1', 'Thank you — confirmed');
    assert.match(await pub.locator('[role=status]').textContent(), /Your choice is recorded/);

    // --- 4. The contact's privacy panel ------------------------------------------
    const given = await panel();
    assert.deepEqual(given.badges, [{ class: 'badge ok', text: 'Email: Newsletter ✓' }]);
    assert.equal((await page.locator('#privacy dl.bases dt').first().textContent()).trim(), 'Newsletter');
    assert.match((await page.locator('#privacy dl.bases dd').first().textContent()).trim(), /^Consent\b/);
    await page.locator('#privacy').scrollIntoViewIfNeeded();
    await shot(page, '19-contact-privacy');

    // --- 5. The receipt's preference-centre link: unsubscribe from all ----------
    const prefsLink = linkIn(await openMail('receipt'), 'p');
    seen.prefsLink = prefsLink;
    await open(pub, prefsLink);
    await assertText(pub, 'h1', 'Your email preferences');
    const emailBox = pub.locator('input[name=sub][value$=":email"]');
    assert.equal(await emailBox.count(), 1);
    assert.equal(await emailBox.isChecked(), true, 'the newsletter by email is ticked');
    await shot(pub, '18-preference-centre');
    await submit(pub, 'form[action$="/unsubscribe-all"] button[type=submit]');
    await assertText(pub, '[role=status]', 'You are unsubscribed.');
    assert.equal(await pub.locator('input[name=sub][value$=":email"]').isChecked(), false, 'nothing is ticked any more');
    await shot(pub, '18b-preference-centre-unsubscribed');

    const withdrawn = await panel();
    assert.deepEqual(withdrawn.badges, [{ class: 'badge no', text: 'Do not email: Newsletter' }]);
    await shot(page, '19b-contact-privacy-unsubscribed');
  } finally {
    await visitor.context.close();
  }
});


// Regression: "Unsubscribe from all" answers at /p/<token>/unsubscribe-all; the
// page's language link must lead back to the preference page, not to that POST-only address.
test('9c. preference centre: the language link still works after "Unsubscribe from all"', async () => {
  assert.ok(seen.prefsLink, 'test 9b found the preference-centre link');
  const visitor = await newContext();
  try {
    const { page } = visitor;
    await open(page, seen.prefsLink);
    await submit(page, 'form[action$="/unsubscribe-all"] button[type=submit]');
    await assertText(page, '[role=status]', 'You are unsubscribed.');
    const [res] = await Promise.all([page.waitForNavigation(), page.locator('a', { hasText: 'Italiano' }).click()]);
    assert.equal(res.status(), 200, 'the Italian link after unsubscribing answers 200');
    await assertText(page, 'h1', 'Le tue preferenze email');
  } finally {
    await visitor.context.close();
  }
});


test('9d. privacy portal: sign in by a one-time link, prepare and download one\'s data, file a request', async () => {
  const { page } = state.admin;
  const email = 'lucia.ferri@example.it'; // the subscriber of test 9b
  const visitor = await newContext();
  try {
    const pub = visitor.page;
    await open(pub, '/portal');
    await assertText(pub, 'h1', 'Your privacy');
    await pub.fill('input[name=email]', email);
    await submit(pub, 'form[action="/portal"] button[type=submit]');
    assert.match(await pub.locator('[role=status]').textContent(), /If the address is in our records/);

    // The sign-in link arrives in the outbox (no SMTP server in this run).
    const deadline = Date.now() + 10_000;
    let row;
    for (;;) {
      await open(page, '/outbox');
      row = page.locator('table tbody tr').filter({ has: page.locator('td:nth-child(2)', { hasText: /^portal$/ }) }).first();
      if ((await row.count()) === 1 && (await row.locator('td:nth-child(3)').textContent()).trim() === 'outbox') break;
      if (Date.now() > deadline) assert.fail('no portal sign-in mail reached the outbox within 10 s');
      await page.waitForTimeout(200);
    }
    await Promise.all([page.waitForURL(new RegExp(`/outbox/${ID}$`)), row.locator('a').click()]);
    const text = await page.locator('pre.mail').textContent();
    const m = text.match(/https?:\/\/[^\s"]+\/portal\/s\/[^\s"]+/);
    assert.ok(m, `a /portal/s/ link in the mail: ${text}`);

    // Opening the link shows a button; pressing it signs in (once).
    await open(pub, m[0]);
    await Promise.all([pub.waitForURL(/\/portal\/me/), pub.click('form[action^="/portal/s/"] button[type=submit]')]);
    await assertText(pub, 'h1', 'Your privacy');
    assert.match(await pub.locator('pre.mail').textContent(), /lucia\.ferri@example\.it/);
    await shot(pub, '22-portal');

    // Prepare the data as CSV files and download them.
    await submit(pub, 'form[action="/portal/me/export"] button[value=csv]');
    await assertText(pub, '[role=status]', 'Your file is ready below.');
    const link = pub.locator('a[href^="/portal/me/exports/"]').first();
    assert.equal((await link.textContent()).trim(), 'CSV');
    const [download] = await Promise.all([pub.waitForEvent('download'), link.click()]);
    const bytes = await (await download.createReadStream()).toArray();
    const zip = Buffer.concat(bytes);
    assert.equal(zip.subarray(0, 2).toString(), 'PK', 'the download is a zip');
    assert.equal(download.suggestedFilename(), 'kith-export.zip');

    // File a restriction request; it is listed.
    await pub.locator('select[name=kind]').selectOption('restriction');
    await pub.fill('textarea[name=note]', 'Please stop using my data while you check it.');
    await submit(pub, 'form[action="/portal/me/request"] button[type=submit]');
    await assertText(pub, '[role=status]', 'Your request is registered. We answer within one month.');
    assert.match(await pub.locator('section', { hasText: 'Your requests' }).textContent(), /Restriction/i);

    // Italian, then sign out: the portal asks for the address again.
    await Promise.all([pub.waitForURL(/lang=it/), pub.locator('a', { hasText: 'Italiano' }).click()]);
    await assertText(pub, 'h1', 'La tua privacy');
    await submit(pub, 'form[action="/portal/sign-out"] button[type=submit]');
    assert.equal(path(pub), '/portal');
    const res = await pub.goto('/portal/me');
    assert.equal(path(pub), '/portal', 'signed out, /portal/me leads back to the start');
    assert.equal(res.status(), 200);
  } finally {
    await visitor.context.close();
  }
});
