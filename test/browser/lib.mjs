// Shared harness of the browser tests (test/browser/*.mjs; this file is a
// module, not a test: scripts/test runs only files that are not lib.mjs).
//
// Every test prints "ok - name" / "not ok - name" per step (scripts/test
// counts them) and exits 1 if any step failed. Any console error, uncaught
// page error, failed same-origin request or same-origin response >= 400
// fails the step it happens in (a CSP violation is a console error).
// Environment: SC_URL (the stack, required), SC_CHROMIUM (default
// /usr/bin/chromium), SC_VAR and SC_ROOT (for tests that reset data).
// Screenshots go to test/browser/out/ (git-ignored).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = (process.env.SC_URL || '').replace(/\/+$/, '');
export const CHROMIUM = process.env.SC_CHROMIUM || '/usr/bin/chromium';
export const OUT = fileURLToPath(new URL('./out/', import.meta.url));
export const ROOT = process.env.SC_ROOT || fileURLToPath(new URL('../../', import.meta.url));

let failed = 0;
let passed = 0;
// Everything that went wrong in any page, with the step it happened in;
// problems[0..shown) were already reported under a step.
const problems = [];
let shown = 0;
let currentStep = 'start';

export function ok(name) {
  passed++;
  console.log(`ok - ${name}`);
}

export function notOk(name, why) {
  failed++;
  console.log(`not ok - ${name}`);
  if (why) for (const line of String(why).split('\n')) console.log(`#   ${line}`);
}

export function expect(cond, message) {
  if (!cond) throw new Error(message);
}

function sameOrigin(url) {
  try {
    return new URL(url).origin === new URL(BASE).origin;
  } catch {
    return false;
  }
}

// Records the page's problems against the step that is running.
export function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    problems.push(`[${currentStep}] console error: ${msg.text()}` + (loc && loc.url ? ` (${loc.url})` : ''));
  });
  page.on('pageerror', (err) => problems.push(`[${currentStep}] page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const f = req.failure();
    // A page that navigates away cancels its own loads still in flight (the
    // icon, say): ERR_ABORTED is the browser's doing, not a failure.
    if (f && f.errorText === 'net::ERR_ABORTED') return;
    if (sameOrigin(req.url()))
      problems.push(`[${currentStep}] request failed: ${req.method()} ${req.url()}: ${f ? f.errorText : '?'}`);
  });
  page.on('response', (res) => {
    if (sameOrigin(res.url()) && res.status() >= 400)
      problems.push(`[${currentStep}] HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return page;
}

// Runs the steps of one flow in order; the first step that throws ends the
// flow (later steps depend on it) and is reported with its reason. Console
// or network problems fail their step but do not stop the flow: the page
// itself worked, and later steps still tell something.
export async function flow(steps) {
  for (const [name, fn] of steps) {
    currentStep = name;
    const before = problems.length;
    try {
      await fn();
    } catch (err) {
      shown = problems.length;
      notOk(name, err && err.message ? err.message.split('\n').slice(0, 6).join('\n') : err);
      return false;
    }
    const mine = problems.slice(before);
    shown = problems.length;
    if (mine.length) notOk(name, mine.join('\n'));
    else ok(name);
  }
  return true;
}

export async function text(page, selector) {
  return (await page.locator(selector).first().innerText()).trim();
}

export async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
}

export async function noHorizontalScroll(page) {
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    body: document.body.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(m.scroll <= m.client && m.body <= m.inner,
    `page is wider than the viewport: scrollWidth ${m.scroll}/${m.body}, viewport ${m.client}/${m.inner}`);
}

// A fresh profile (no cookies, no cache) with a watched page: a desktop
// window, or a 375x667 phone.
export async function newPage(browser, { phone = false, height = 800 } = {}) {
  const ctx = await browser.newContext(phone
    ? { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' }
    : { viewport: { width: 1280, height }, locale: 'zh-CN' });
  ctx.setDefaultTimeout(15000);
  return { ctx, page: watch(await ctx.newPage()) };
}

// The customer's two-step login, ending on next.
export async function customerLogin(page, customer, next) {
  await page.goto(`${BASE}/login?next=${encodeURIComponent(next)}`);
  await page.locator('#msisdn').fill(customer.msisdn);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/login/password'),
    page.locator('main form button[type=submit]').click(),
  ]);
  await page.locator('#password').fill(customer.password);
  const path = new URL(next, 'http://x').pathname;
  await Promise.all([
    page.waitForURL((u) => u.pathname === path),
    page.locator('main form button[type=submit]').click(),
  ]);
  await page.waitForLoadState('load');
}

// Runs SQL on the stack's database through scripts/lib.sh; false when
// SC_VAR is not set (no stack to reach).
export function dbExec(sql) {
  if (!process.env.SC_VAR) return false;
  execFileSync('bash', ['-c', `. "${ROOT}/scripts/lib.sh" && db_client "$DB_NAME" -N -B -e "$1"`, 'sql', sql],
    { env: { ...process.env, SC_ROOT: ROOT }, stdio: ['ignore', 'ignore', 'pipe'] });
  return true;
}

// Launches Chromium, runs body(browser), and ends the process with the
// totals: exit 1 if any step failed.
export async function run(name, body) {
  if (!BASE) {
    notOk('SC_URL is set', 'run through scripts/test, or set SC_URL=http://127.0.0.1:PORT');
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  let browser;
  try {
    currentStep = 'launch';
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
          '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync'],
        timeout: 60000,
      });
    } catch (err) {
      notOk(`chromium starts (${CHROMIUM})`, err.message.split('\n').slice(0, 6).join('\n'));
      throw err;
    }
    await body(browser);
    currentStep = 'end';
    // Problems seen outside any step (e.g. while a context closed); those
    // inside a step already failed it and are not counted twice.
    if (problems.length === 0) ok('no console errors, page errors or failed same-origin requests');
    else if (problems.length > shown)
      notOk('no console errors, page errors or failed same-origin requests', problems.slice(shown).join('\n'));
  } catch (err) {
    if (failed === 0) notOk(`browser test ran to the end (step: ${currentStep})`, err && err.stack ? err.stack : err);
  } finally {
    if (browser) await browser.close().catch(() => {});
  }
  console.log(`# browser ${name}: ${passed} passed, ${failed} failed; screenshots in ${OUT}`);
  process.exit(failed > 0 ? 1 : 0);
}

// For skipped steps that still count (e.g. a simulator that is down).
export function skip(name, why) {
  passed++;
  console.log(`ok - ${name} # SKIP ${why}`);
}

export function chromiumVersion(browser) {
  ok(`chromium starts (${CHROMIUM}, ${browser.version()})`);
}
