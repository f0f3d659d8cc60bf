// Languages: a French reader works in French from sign-in to sign-out and
// chooses Bulgarian on "My account"; the public form, the preference centre
// and the portal switch to Bulgarian and German and keep the person's place;
// every main page fits a 375 px screen in each of the six languages, and is
// photographed in each (artifacts/screenshots/7x-<lang>-*.png).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, PHONE, state, seen, newContext, open, shot, submit, noOverflow } from '../lib.mjs';

const LANGS = ['en', 'it', 'fr', 'bg', 'de', 'es'];
const lang = (page) => page.getAttribute('html', 'lang');

/** Buttons, labels and headings of `main` that are still English words. */
async function englishLeft(page) {
  const texts = await page.locator('main button, main label, main h1, main h2, header nav a').allTextContents();
  return texts.map((t) => t.trim()).filter((t) => /^(Save|Search|Delete|Cancel|Add|Edit|Apply|Filter|Update|Sign out|Companies|Deals|Privacy)\b/.test(t));
}

test('17. a French reader signs in, works on contacts and the privacy panel, switches to Bulgarian and signs out', async () => {
  const { context, page } = await newContext({ locale: 'fr-FR' });
  try {
    await open(page, '/login');
    assert.equal(await lang(page), 'fr', 'the sign-in page follows the browser');
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await Promise.all([page.waitForURL(/\/contacts$/), page.click('form[action="/login"] button[type=submit]')]);
    assert.equal(await lang(page), 'fr');
    assert.match(await page.locator('header nav').textContent(), /Entreprises/);
    assert.deepEqual(await englishLeft(page), [], 'no English left on the contact list');
    await shot(page, '70-fr-contacts');

    await open(page, `/contacts/${seen.italian.id}`);
    assert.equal(await page.locator('#privacy').count(), 1, 'the privacy panel is shown');
    assert.deepEqual(await englishLeft(page), [], 'no English left on the contact page');
    await shot(page, '71-fr-contact');

    // Bulgarian on "My account" wins over the browser's French.
    await open(page, '/account');
    await page.selectOption('form[action="/account/locale"] select[name=language]', 'bg');
    await submit(page, 'form[action="/account/locale"] button[type=submit]');
    assert.equal(await lang(page), 'bg');
    await open(page, '/contacts');
    assert.equal(await lang(page), 'bg');
    assert.match(await page.locator('header nav').textContent(), /Контакти/);
    await open(page, '/account');
    await page.selectOption('form[action="/account/locale"] select[name=language]', '');
    await submit(page, 'form[action="/account/locale"] button[type=submit]');
    assert.equal(await lang(page), 'fr', 'back to the browser\'s language');

    await Promise.all([page.waitForURL(/\/login$/), page.click('header form[action="/logout"] button')]);
    assert.equal(await lang(page), 'fr', 'signed out, still in French');
  } finally {
    await context.close();
  }
});

test('18. the public form, the preference centre and the portal in Bulgarian and German, by the switcher', async () => {
  assert.ok(seen.prefsLink, 'test 9b found the preference-centre link');
  const prefs = new URL(seen.prefsLink, 'http://x');
  const { context, page } = await newContext({ locale: 'de-DE' });
  try {
    for (const start of ['/f/newsletter', prefs.pathname + prefs.search, '/portal']) {
      await open(page, start);
      for (const [code, name] of [['bg', 'Български'], ['de', 'Deutsch']]) {
        const link = page.locator(`nav.languages a[hreflang=${code}]`);
        assert.equal(await link.count(), 1, `a switcher entry for ${code} on ${start}`);
        assert.equal((await link.textContent()).trim(), name);
        await Promise.all([page.waitForEvent('load'), link.click()]);
        assert.equal(await lang(page), code, `${start} in ${code}`);
        assert.equal(new URL(page.url()).pathname, start.split('?')[0], 'the switcher keeps the place');
        await shot(page, `72-${code}-${start.split('/')[1]}`);
      }
    }
  } finally {
    await context.close();
  }
});

test('19. every main page fits 375 px in all six languages, with a screenshot of each', async () => {
  const storageState = await state.admin.context.storageState();
  const pages = [
    ['contacts', '/contacts'],
    ['contact', `/contacts/${seen.italian.id}`],
    ['privacy', '/privacy'],
    ['deals', '/deals'],
    ['account', '/account'],
  ];
  for (const code of LANGS) {
    const { context, page } = await newContext({ viewport: PHONE, storageState, locale: code });
    try {
      for (const [name, path] of pages) {
        await open(page, path);
        assert.equal(await lang(page), code, `${path} in ${code}`);
        await noOverflow(page, `${path} in ${code} at 375 px`);
        await shot(page, `73-${code}-${name}`);
      }
      for (const path of ['/f/newsletter', '/portal']) {
        await open(page, `${path}?lang=${code}`);
        assert.equal(await lang(page), code, `${path}?lang=${code}`);
        await noOverflow(page, `${path} in ${code} at 375 px`);
        await shot(page, `74-${code}-${path.slice(1).replace(/\//g, '-')}`);
      }
    } finally {
      await context.close();
    }
  }
});
