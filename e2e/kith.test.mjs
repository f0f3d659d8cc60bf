// End-to-end tests of Kith's staff pages in a real headless Chromium.
//
// Run by scripts/e2e.sh, which starts a fresh `kith serve`, creates the two
// staff members and sets the KITH_E2E_* variables read below. The tests run
// in order in one process and share one browser; later tests use what
// earlier ones created (the data directory is new on every run).

import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests with scripts/e2e.sh`);
  return v;
};
const BASE = env('KITH_E2E_BASE');
const ADMIN = { email: env('KITH_E2E_ADMIN_EMAIL'), password: env('KITH_E2E_ADMIN_PASSWORD') };
const MARKETING = { email: env('KITH_E2E_MARKETING_EMAIL'), password: env('KITH_E2E_MARKETING_PASSWORD') };
const SHOTS = process.env.KITH_E2E_SCREENSHOTS || join(process.cwd(), '..', 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };
const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Something that went wrong in a page: uncaught errors, CSP violations, dialogs. */
const problems = [];

let browser;
let admin; // { context, page } signed in as admin, desktop width
const seen = {}; // what earlier tests created: ids and names

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.KITH_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
});

// Every test ends with no page error, no CSP violation and no dialog.
afterEach(() => {
  const found = problems.splice(0);
  assert.deepEqual(found, [], 'page errors, CSP violations or dialogs');
});

/** Records the problems of every page of a context. */
function watch(page) {
  page.on('pageerror', (e) => problems.push(`pageerror on ${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /content.security.policy/i.test(m.text())) {
      problems.push(`CSP violation on ${page.url()}: ${m.text()}`);
    }
  });
  page.on('dialog', async (d) => {
    problems.push(`dialog (${d.type()}) on ${page.url()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  return page;
}

async function newContext(options = {}) {
  const context = await browser.newContext({ baseURL: BASE, viewport: DESKTOP, locale: 'en-GB', ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  context.on('page', watch);
  // A violation is also reported to the page itself; make it a console error
  // too (init scripts are not subject to the page's CSP).
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  return { context, page };
}

/** Goes to a page and checks it answered 200 with the page's CSP. */
async function open(page, path) {
  const res = await page.goto(path);
  assert.equal(res.status(), 200, `GET ${path}`);
  assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/, `CSP of ${path}`);
  return res;
}

async function signIn(page, who) {
  await open(page, '/login');
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await Promise.all([page.waitForURL(/\/contacts$/), page.click('form[action="/login"] button[type=submit]')]);
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

const path = (page) => new URL(page.url()).pathname;

/** Clicks a submit button and waits for the page that answers (same address or not). */
async function submit(page, selector) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

/** Creates a contact through /contacts/new; returns its id. */
async function createContact(page, { first, last, phones, emails, tags }) {
  await open(page, '/contacts/new');
  await page.fill('#first_name', first);
  if (last !== undefined) await page.fill('#last_name', last);
  if (phones) await page.fill('#phones', phones);
  if (emails) await page.fill('#emails', emails);
  if (tags) await page.fill('#tags', tags);
  await Promise.all([
    page.waitForURL(new RegExp(`/contacts/${ID}\\?notice=created$`)),
    page.click('button:has-text("Create contact")'),
  ]);
  const id = path(page).split('/').pop();
  await assertText(page, '.notice', 'Contact created.');
  return id;
}

async function assertText(page, selector, expected) {
  const text = (await page.locator(selector).first().textContent())?.trim();
  assert.equal(text, expected, selector);
}

/** The table row of a contact on the list page. */
const contactRow = (page, id) => page.locator('table tbody tr', { has: page.locator(`a[href="/contacts/${id}"]`) });

/** Header cells of the contacts table. */
const headers = (page) => page.locator('table thead th').allTextContents().then((t) => t.map((s) => s.trim()));

/** How wide the document is against the viewport, and what sticks out. */
function measureWidth(page) {
  return page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    // The outermost elements that stick out on the right (inside a table's
    // wrapper or the board only if positioned out of their scrolling box).
    const wide = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > client + 1)
      .filter((el) => !el.parentElement.closest('.table-wrap, .board') || ['absolute', 'fixed'].includes(getComputedStyle(el).position))
      .filter((el, _, all) => !all.includes(el.parentElement))
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + el.className.split(' ').join('.') : ''} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
    return { scroll: document.documentElement.scrollWidth, client, body: document.body.scrollWidth, wide };
  });
}

/** Fails if the document scrolls sideways (a table or the board may scroll inside its own box). */
async function noOverflow(page, what) {
  const m = await measureWidth(page);
  const detail = `${m.scroll}px wide in a ${m.client}px viewport; sticking out: ${m.wide.slice(0, 5).join(', ') || 'nothing found'}`;
  assert.ok(m.scroll <= m.client + 1, `${what}: document is ${detail}`);
  assert.ok(m.body <= m.client + 1, `${what}: body is ${detail}`);
}

// -----------------------------------------------------------------------------

test('1. sign-in: a wrong password is refused generically, the right one lands on /contacts', async () => {
  admin = await newContext();
  const { page, context } = admin;

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
  const { page } = admin;
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
  const { page } = admin;
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
  const { page } = admin;
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
  assert.match(await column('lead').textContent(), /12,500\.50 EUR/);

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
  assert.deepEqual((await won.locator('td').allTextContents()).map((s) => s.trim()), ['Won', '1', '12,500.50 EUR']);
  assert.equal(await page.locator(`table a[href="/deals/${id}"]`).count(), 1);
});

test('4b. deals: drag a card onto another column (kith.js submits its move form)', async () => {
  const { page } = admin;
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
    await open(admin.page, '/contacts?cols=phone&cols=email');
    assert.ok((await headers(admin.page)).includes('Phone'));
    assert.match(await contactRow(admin.page, id).textContent(), /\+39 06 8421 7753/);
  } finally {
    await marketing.context.close();
  }
});

test('6. XSS: markup in names is shown as text, never run; pages carry a strict CSP', async () => {
  const { page } = admin;
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
  const { page } = admin;
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
  const phone = await newContext({ viewport: PHONE, storageState: await admin.context.storageState() });
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
  const phone = await newContext({ viewport: PHONE, storageState: await admin.context.storageState() });
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
  const phone = await newContext({ viewport: PHONE, storageState: await admin.context.storageState() });
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
  const { page } = admin;

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

// Consent, as people do it: the admin sets up a purpose, a notice, a
// subscription type and a form; a visitor subscribes on /f/newsletter,
// confirms from the mail (read on the Outbox page: no SMTP in these tests),
// and later unsubscribes from the preference centre linked in the receipt.
test('9b. consent: set up a form, subscribe with double opt-in, then unsubscribe from the preference centre', async () => {
  const { page } = admin;
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
    await submit(pub, 'form[action="/f/newsletter"] button[type=submit]');
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
  const { page } = admin;
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

// Privacy → Import contacts: upload a CSV, map its columns, check it
// (nothing written), import it; each contact records the file and line.
test('9e. import: upload a CSV, check it, import it; the contact names the file and line as its source', async () => {
  const { page } = admin;
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
  const phone = await newContext({ viewport: PHONE, storageState: await admin.context.storageState() });
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

test('10. signing out ends the session', async () => {
  const { page } = admin;
  await open(page, '/contacts');
  await Promise.all([page.waitForURL(`${BASE}/login`), page.click('header form[action="/logout"] button')]);
  await page.goto('/contacts');
  assert.equal(path(page), '/login', 'signed out, pages send to the sign-in page');
  await admin.context.close();
});
