// Browser test: the demo customer logs in through the real stack in
// Chromium (Debian's, driven by playwright-core) and sees the account
// overview; the login also works with the keyboard only, and the home page
// fits a phone screen.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/login.mjs
//
// Environment: SC_URL (the stack, required), SC_CHROMIUM (default
// /usr/bin/chromium); SC_VAR and SC_ROOT are accepted for symmetry with the
// other suites. Prints "ok - name" / "not ok - name" per step (scripts/test
// counts them) and exits 1 if any step failed. Any console error, uncaught
// page error, failed same-origin request or same-origin response >= 400 is a
// failure. Screenshots go to test/browser/out/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.SC_URL || '').replace(/\/+$/, '');
const CHROMIUM = process.env.SC_CHROMIUM || '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('./out/', import.meta.url));

const CUSTOMER = {
  msisdn: '13800138000',
  password: '258369',
  brand: '全球通',
  province: '北京',
  balance: '128.50',
};

let failed = 0;
let passed = 0;
function ok(name) {
  passed++;
  console.log(`ok - ${name}`);
}
function notOk(name, why) {
  failed++;
  console.log(`not ok - ${name}`);
  if (why) for (const line of String(why).split('\n')) console.log(`#   ${line}`);
}

if (!BASE) {
  notOk('SC_URL is set', 'run through scripts/test, or set SC_URL=http://127.0.0.1:PORT');
  process.exit(1);
}
const ORIGIN = new URL(BASE).origin;
mkdirSync(OUT, { recursive: true });

// Everything that went wrong in any page, with the step it happened in.
const problems = [];
let shown = 0; // problems[0..shown) were already printed under a step
let currentStep = 'start';

function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.push(`[${currentStep}] console error: ${msg.text()}` +
        (loc && loc.url ? ` (${loc.url})` : ''));
    }
  });
  page.on('pageerror', (err) => {
    problems.push(`[${currentStep}] page error: ${err.message}`);
  });
  page.on('requestfailed', (req) => {
    const f = req.failure();
    // A page that navigates away cancels its own loads still in flight (the
    // icon, say): ERR_ABORTED is the browser's doing, not a failure.
    if (f && f.errorText === 'net::ERR_ABORTED') return;
    if (sameOrigin(req.url())) {
      problems.push(`[${currentStep}] request failed: ${req.method()} ${req.url()}: ${f ? f.errorText : '?'}`);
    }
  });
  page.on('response', (res) => {
    if (sameOrigin(res.url()) && res.status() >= 400) {
      problems.push(`[${currentStep}] HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
    }
  });
  return page;
}

function sameOrigin(url) {
  try {
    return new URL(url).origin === ORIGIN;
  } catch {
    return false;
  }
}

function expect(cond, message) {
  if (!cond) throw new Error(message);
}

async function text(page, selector) {
  return (await page.locator(selector).first().innerText()).trim();
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: `${OUT}${name}.png`, fullPage });
}

// Runs the steps of one flow in order; the first step that throws ends the
// flow (later steps depend on it) and is reported with its reason.
async function flow(steps) {
  for (const [name, fn] of steps) {
    currentStep = name;
    const before = problems.length;
    try {
      await fn();
    } catch (err) {
      notOk(name, err && err.message ? err.message.split('\n').slice(0, 6).join('\n') : err);
      return false;
    }
    const mine = problems.slice(before);
    shown = problems.length;
    // Console/network problems fail the step but do not stop the flow:
    // the page itself worked, and later steps still tell something.
    if (mine.length) notOk(name, mine.join('\n'));
    else ok(name);
  }
  return true;
}

// Presses Tab until the focused element matches selector; keyboard only.
async function tabTo(page, selector, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector))
      return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} in ${max} presses`);
}

async function focusRingVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const cs = getComputedStyle(el);
    return cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  });
}

async function noHorizontalScroll(page) {
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    body: document.body.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(m.scroll <= m.client && m.body <= m.inner,
    `page is wider than the viewport: scrollWidth ${m.scroll}/${m.body}, viewport ${m.client}/${m.inner}`);
}

async function checkAccount(page) {
  expect(new URL(page.url()).pathname === '/account', `expected /account, at ${page.url()}`);
  expect((await text(page, 'h1')) === '我的账户', 'no 我的账户 heading');
  const msisdn = await text(page, '#msisdn');
  expect(msisdn === CUSTOMER.msisdn, `number shown is "${msisdn}"`);
  const table = await text(page, 'table.result');
  expect(table.includes(CUSTOMER.brand), `brand ${CUSTOMER.brand} not shown in: ${table}`);
  expect(table.includes(CUSTOMER.province), `province ${CUSTOMER.province} not shown in: ${table}`);
  const balance = await text(page, '#balance');
  expect(balance.includes(CUSTOMER.balance), `balance shown is "${balance}", expected ${CUSTOMER.balance}`);
  const nav = await text(page, 'header.site');
  expect(nav.includes(CUSTOMER.msisdn), 'header does not show the logged-in number');
}

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
    ok(`chromium starts (${CHROMIUM}, ${browser.version()})`);
  } catch (err) {
    notOk(`chromium starts (${CHROMIUM})`, err.message.split('\n').slice(0, 6).join('\n'));
    throw err;
  }

  // ---------------------------------------------------------- mouse login
  {
    // A new context is a fresh profile: no cookies, no cache.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    ctx.setDefaultTimeout(15000);
    const page = watch(await ctx.newPage());
    await flow([
      ['home page opens', async () => {
        const res = await page.goto(`${BASE}/`);
        expect(res && res.status() === 200, `GET / answered ${res && res.status()}`);
        expect((await page.title()).includes('中国移动'), `title is "${await page.title()}"`);
        expect(await page.locator('ul.areas li').count() > 0, 'no service menu on the home page');
        // The stylesheet applied: the header has the brand blue background.
        const bg = await page.locator('header.site').evaluate((e) => getComputedStyle(e).backgroundColor);
        expect(bg === 'rgb(0, 91, 172)', `header background is ${bg}: site.css not applied?`);
        await shot(page, 'home');
      }],
      ['login link leads to the login page', async () => {
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/login'),
          page.locator('header.site a[href="/login"]').click(),
        ]);
        expect((await text(page, 'h1')) === '登录', 'no 登录 heading');
        expect(await page.locator('input[name=csrf]').first().inputValue() !== '', 'login form has no CSRF token');
        await shot(page, 'login');
      }],
      ['number step shows the password page', async () => {
        await page.locator('#msisdn').fill(CUSTOMER.msisdn);
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/login/password'),
          page.locator('main form button[type=submit]').click(),
        ]);
        expect((await text(page, 'h1')) === '输入服务密码', 'no 输入服务密码 heading');
        expect((await page.locator('#msisdn').inputValue()) === CUSTOMER.msisdn, 'number not carried to the password page');
        const main = await text(page, 'main');
        expect(main.includes(CUSTOMER.province), `home province ${CUSTOMER.province} not shown on the password page`);
        await shot(page, 'password');
      }],
      ['password step lands on the account overview', async () => {
        await page.locator('#password').fill(CUSTOMER.password);
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/account'),
          page.locator('main form button[type=submit]').click(),
        ]);
        await page.waitForLoadState('load');
      }],
      [`account shows ${CUSTOMER.msisdn}, ${CUSTOMER.brand}, ${CUSTOMER.province}, balance ${CUSTOMER.balance}`, async () => {
        await checkAccount(page);
        await shot(page, 'account');
      }],
    ]);
    await ctx.close();
  }

  // ------------------------------------------------------- keyboard only
  {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    ctx.setDefaultTimeout(15000);
    const page = watch(await ctx.newPage());
    await flow([
      ['keyboard: first Tab stop is the skip link, and it shows', async () => {
        await page.goto(`${BASE}/`);
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || !el.matches('a.skip')) return null;
          const r = el.getBoundingClientRect();
          return { left: r.left, width: r.width };
        });
        expect(skip, 'first Tab does not focus the 跳到正文 link');
        expect(skip.left >= 0 && skip.width > 0, 'the focused skip link stays off screen');
      }],
      ['keyboard: Tab to the login link and Enter opens the login page', async () => {
        await tabTo(page, 'header.site a[href="/login"]');
        expect(await focusRingVisible(page), 'focused login link has no visible focus outline');
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/login'),
          page.keyboard.press('Enter'),
        ]);
      }],
      ['keyboard: number typed, Enter goes to the password page', async () => {
        await tabTo(page, '#msisdn');
        expect(await focusRingVisible(page), 'focused number field has no visible focus outline');
        await page.keyboard.type(CUSTOMER.msisdn);
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/login/password'),
          page.keyboard.press('Enter'),
        ]);
      }],
      ['keyboard: password typed, Enter lands on the account overview', async () => {
        await tabTo(page, '#password');
        await page.keyboard.type(CUSTOMER.password);
        await shot(page, 'keyboard-password', false);
        await Promise.all([
          page.waitForURL((u) => u.pathname === '/account'),
          page.keyboard.press('Enter'),
        ]);
        await page.waitForLoadState('load');
        await checkAccount(page);
      }],
    ]);
    await ctx.close();
  }

  // -------------------------------------------------------- phone screen
  {
    const ctx = await browser.newContext({
      viewport: { width: 375, height: 667 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    ctx.setDefaultTimeout(15000);
    const page = watch(await ctx.newPage());
    await flow([
      ['phone 375x667: home page has no horizontal scrolling', async () => {
        const res = await page.goto(`${BASE}/`);
        expect(res && res.status() === 200, `GET / answered ${res && res.status()}`);
        await noHorizontalScroll(page);
        await shot(page, 'phone-home');
      }],
      ['phone 375x667: lookup result has no horizontal scrolling', async () => {
        const res = await page.goto(`${BASE}/lookup?prefix=1380013`);
        expect(res && res.status() === 200, `GET /lookup answered ${res && res.status()}`);
        expect((await text(page, 'table.result')).includes('北京'), 'lookup result does not show 北京');
        await noHorizontalScroll(page);
        await shot(page, 'phone-lookup');
      }],
    ]);
    await ctx.close();
  }

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

console.log(`# browser: ${passed} passed, ${failed} failed; screenshots in ${OUT}`);
process.exit(failed > 0 ? 1 : 0);
