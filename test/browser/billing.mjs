// Browser test: the demo customer logs in and opens the monthly bill; the
// server-rendered SVG bar chart (no JavaScript) is visible with one bar per
// closed month, the selected month highlighted, on a desktop and on a
// 375px phone without horizontal scrolling.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/billing.mjs
//
// Same conventions as login.mjs: "ok - name" / "not ok - name" per step,
// exit 1 if any failed; console errors, page errors, failed same-origin
// requests and same-origin responses >= 400 fail the step they happen in
// (a CSP violation is a console error). Screenshots: test/browser/out/
// bill.png and phone-bill.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.SC_URL || '').replace(/\/+$/, '');
const CHROMIUM = process.env.SC_CHROMIUM || '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const CUSTOMER = { msisdn: '13800138000', password: '258369' };

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

const problems = [];
let currentStep = 'start';
function sameOrigin(url) {
  try {
    return new URL(url).origin === ORIGIN;
  } catch {
    return false;
  }
}
function watch(page) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`[${currentStep}] console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`[${currentStep}] page error: ${err.message}`));
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
    if (sameOrigin(res.url()) && res.status() >= 400)
      problems.push(`[${currentStep}] HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
  });
  return page;
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}
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
    if (mine.length) notOk(name, mine.join('\n'));
    else ok(name);
  }
  return true;
}

async function login(page) {
  await page.goto(`${BASE}/login?next=${encodeURIComponent('/billing/bill')}`);
  await page.locator('#msisdn').fill(CUSTOMER.msisdn);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/login/password'),
    page.locator('main form button[type=submit]').click(),
  ]);
  await page.locator('#password').fill(CUSTOMER.password);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/billing/bill'),
    page.locator('main form button[type=submit]').click(),
  ]);
  await page.waitForLoadState('load');
}

// The chart as drawn: its box and every bar's rendered box and fill.
async function chartState(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('figure.chart svg');
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    const bars = [...svg.querySelectorAll('g.bar')].map((g) => {
      const r = g.querySelector('rect').getBoundingClientRect();
      return {
        month: g.getAttribute('data-month'),
        height: r.height,
        width: r.width,
        fill: getComputedStyle(g.querySelector('rect')).fill,
        labels: [...g.querySelectorAll('text')].map((t) => t.textContent),
      };
    });
    return {
      width: box.width, height: box.height, top: box.top,
      title: svg.querySelector('title') && svg.querySelector('title').textContent,
      desc: svg.querySelector('desc') && svg.querySelector('desc').textContent,
      aria: svg.getAttribute('aria-label'),
      selected: document.querySelector('#month') && document.querySelector('#month').value,
      bars,
    };
  });
}

function checkChart(c) {
  expect(c, 'no <svg> chart on the monthly bill page');
  expect(c.width > 250 && c.height > 120, `chart is ${c.width}x${c.height}px: not visible`);
  expect(c.title && c.desc && c.aria, 'chart lacks <title>, <desc> or aria-label');
  expect(c.bars.length === 6, `chart has ${c.bars.length} bars, expected 6`);
  for (const b of c.bars) {
    expect(b.height > 1 && b.width > 5, `bar ${b.month} is ${b.width}x${b.height}px`);
    expect(b.labels.length === 2 && /^\d+\.\d\d$/.test(b.labels[0]), `bar ${b.month} labels: ${b.labels}`);
  }
  const dark = c.bars.filter((b) => b.fill === 'rgb(0, 63, 122)');
  expect(dark.length === 1 && dark[0].month === c.selected,
    `highlighted bars: ${dark.map((b) => b.month)}; selected month ${c.selected}`);
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

  {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    ctx.setDefaultTimeout(15000);
    const page = watch(await ctx.newPage());
    await flow([
      ['login leads back to the monthly bill', async () => {
        await login(page);
        expect((await page.locator('h1').first().innerText()).trim() === '月话费账单查询', 'no 月话费账单查询 heading');
        expect(await page.locator('#bill-total').count() === 1, 'no bill total on the page');
      }],
      ['the SVG chart is visible: 6 labelled bars, the selected month highlighted', async () => {
        const c = await chartState(page);
        checkChart(c);
        await page.locator('figure.chart').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${OUT}bill.png`, fullPage: true });
      }],
      ['picking another month highlights its bar', async () => {
        const other = await page.locator('#month option').nth(2).getAttribute('value');
        await page.locator('#month').selectOption(other);
        await Promise.all([
          page.waitForURL((u) => u.searchParams.get('month') === other),
          page.locator('main form.filter button[type=submit]').click(),
        ]);
        const c = await chartState(page);
        checkChart(c);
        expect(c.selected === other, `selected ${c.selected}, expected ${other}`);
      }],
    ]);
    await ctx.close();
  }

  {
    const ctx = await browser.newContext({
      viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
    });
    ctx.setDefaultTimeout(15000);
    const page = watch(await ctx.newPage());
    await flow([
      ['phone 375x667: the monthly bill and its chart fit the screen', async () => {
        await login(page);
        const c = await chartState(page);
        checkChart(c);
        const m = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
        }));
        expect(m.scroll <= m.client, `page is ${m.scroll}px wide on a ${m.client}px screen`);
        expect(c.width <= 375, `chart is ${c.width}px wide`);
        await page.screenshot({ path: `${OUT}phone-bill.png`, fullPage: true });
      }],
    ]);
    await ctx.close();
  }
  currentStep = 'end';
  if (problems.length === 0) ok('no console errors, page errors or failed same-origin requests');
} catch (err) {
  if (failed === 0) notOk(`browser test ran to the end (step: ${currentStep})`, err && err.stack ? err.stack : err);
} finally {
  if (browser) await browser.close().catch(() => {});
}

console.log(`# browser billing: ${passed} passed, ${failed} failed; screenshots in ${OUT}`);
process.exit(failed > 0 ? 1 : 0);
