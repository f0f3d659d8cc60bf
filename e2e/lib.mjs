// What every browser-test suite shares: the environment scripts/e2e.sh sets,
// one Chromium for the whole run, the check that no page errs, and helpers.
// The suites run in order in one process (e2e/kith.test.mjs imports them);
// later suites use what earlier ones created (in `state` and `seen`).

import { before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests with scripts/e2e.sh`);
  return v;
};
export const BASE = env('KITH_E2E_BASE');
export const ADMIN = { email: env('KITH_E2E_ADMIN_EMAIL'), password: env('KITH_E2E_ADMIN_PASSWORD') };
export const MARKETING = { email: env('KITH_E2E_MARKETING_EMAIL'), password: env('KITH_E2E_MARKETING_PASSWORD') };
export const SHOTS = process.env.KITH_E2E_SCREENSHOTS || join(process.cwd(), '..', 'artifacts', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 740 };
export const ID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** Something that went wrong in a page: uncaught errors, CSP violations, dialogs. */
export const problems = [];

let browser;
/** `admin`: { context, page } signed in as admin, desktop width (set by the first suite). */
export const state = { admin: null };
export const seen = {}; // what earlier tests created: ids and names

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
export function watch(page) {
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

export async function newContext(options = {}) {
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
export async function open(page, path) {
  const res = await page.goto(path);
  assert.equal(res.status(), 200, `GET ${path}`);
  assert.match(res.headers()['content-security-policy'] ?? '', /script-src 'self'/, `CSP of ${path}`);
  return res;
}

export async function signIn(page, who) {
  await open(page, '/login');
  await page.fill('#email', who.email);
  await page.fill('#password', who.password);
  await Promise.all([page.waitForURL(/\/contacts$/), page.click('form[action="/login"] button[type=submit]')]);
}

export async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

export const path = (page) => new URL(page.url()).pathname;

/** Clicks a submit button and waits for the page that answers (same address or not). */
export async function submit(page, selector) {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

/** Creates a contact through /contacts/new; returns its id. */
export async function createContact(page, { first, last, phones, emails, tags }) {
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

export async function assertText(page, selector, expected) {
  const text = (await page.locator(selector).first().textContent())?.trim();
  assert.equal(text, expected, selector);
}

/** The table row of a contact on the list page. */
export const contactRow = (page, id) => page.locator('table tbody tr', { has: page.locator(`a[href="/contacts/${id}"]`) });

/** Header cells of the contacts table. */
export const headers = (page) => page.locator('table thead th').allTextContents().then((t) => t.map((s) => s.trim()));

/** How wide the document is against the viewport, and what sticks out. */
export function measureWidth(page) {
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
export async function noOverflow(page, what) {
  const m = await measureWidth(page);
  const detail = `${m.scroll}px wide in a ${m.client}px viewport; sticking out: ${m.wide.slice(0, 5).join(', ') || 'nothing found'}`;
  assert.ok(m.scroll <= m.client + 1, `${what}: document is ${detail}`);
  assert.ok(m.body <= m.client + 1, `${what}: body is ${detail}`);
}
