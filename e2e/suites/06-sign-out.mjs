// Last: signing out ends the admin's session every suite used.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, state, open, path } from '../lib.mjs';

test('10. signing out ends the session', async () => {
  const { page } = state.admin;
  await open(page, '/contacts');
  await Promise.all([page.waitForURL(`${BASE}/login`), page.click('header form[action="/logout"] button')]);
  await page.goto('/contacts');
  assert.equal(path(page), '/login', 'signed out, pages send to the sign-in page');
  await state.admin.context.close();
});
