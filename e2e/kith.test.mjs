// End-to-end tests of Kith's staff pages in a real headless Chromium.
//
// Run by scripts/e2e.sh, which starts a fresh `kith serve`, creates the two
// staff members and sets the KITH_E2E_* variables (read in lib.mjs). The
// suites below run in this order in one process and share one browser;
// later ones use what earlier ones created (the data directory is new on
// every run).

import './suites/01-contacts.mjs';
import './suites/02-roles.mjs';
import './suites/03-consent.mjs';
import './suites/04-account.mjs';
import './suites/05-registers.mjs';
import './suites/05b-evidence.mjs';
import './suites/07-breaches.mjs';
import './suites/08-marketing.mjs';
import './suites/09-languages.mjs';
import './suites/06-sign-out.mjs';
