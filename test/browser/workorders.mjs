// Browser test: the complaint back office as head office's complaint
// supervisor: the queue (counts, filters), a demo complaint's page (history
// with internal notes marked, work orders, action forms) and the statistics
// with their SVG charts, with no console errors, failed requests or error
// responses. Screenshots: test/browser/out/workorders-{queue,detail,stats}.png.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/workorders.mjs
//
// Uses the demo staff hq_super (schema/demo/LOGINS.txt) and the demo
// complaints of schema/demo/080_complaints.sql. Changes nothing.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.SC_URL || '').replace(/\/+$/, '');
const CHROMIUM = process.env.SC_CHROMIUM || '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const STAFF = { username: 'hq_super', password: 'Super#2026' };

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

let browser;
try {
  currentStep = 'launch';
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: 60000,
  });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  ctx.setDefaultTimeout(15000);
  const page = watch(await ctx.newPage());
  await flow([
    ['the supervisor logs in and opens 投诉工单 from the menu', async () => {
      await page.goto(`${BASE}/admin/login`);
      await page.locator('#username').fill(STAFF.username);
      await page.locator('#password').fill(STAFF.password);
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/admin/'),
        page.locator('main form button[type=submit]').click(),
      ]);
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/admin/complaints/'),
        page.locator('nav.main a', { hasText: '投诉工单' }).click(),
      ]);
    }],
    ['the queue shows counts and demo complaints', async () => {
      const open = Number(await page.locator('#count-open').innerText());
      expect(open > 0, `open count ${open}`);
      expect(await page.locator('table.wo-queue tbody tr').count() > 0, 'no rows');
      expect(await page.locator('table.wo-queue', { hasText: 'D0000' }).count() === 1, 'no demo complaint');
      await page.screenshot({ path: `${OUT}workorders-queue.png`, fullPage: true });
    }],
    ['the 升级 filter lists only escalated complaints', async () => {
      await page.locator('a', { hasText: '升级' }).first().click();
      await page.waitForLoadState('load');
      const rows = await page.locator('table.wo-queue tbody tr').count();
      const tags = await page.locator('table.wo-queue tbody tr .wo-escalated').count();
      expect(rows > 0 && rows === tags, `${rows} rows, ${tags} escalated tags`);
    }],
    ['a complaint page shows the history, internal notes marked, and the actions', async () => {
      await page.goto(`${BASE}/admin/complaints/?q=D000002`);
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/admin/complaints/view'),
        page.locator('table.wo-queue a', { hasText: 'D000002' }).click(),
      ]);
      expect(await page.locator('.wo-event').count() >= 2, 'history too short');
      expect(await page.locator('#h-actions').count() === 1, 'no actions');
      expect(await page.locator('form[action="/admin/complaints/dispatch"]').count() === 1, 'no dispatch form');
      await page.screenshot({ path: `${OUT}workorders-detail.png`, fullPage: true });
    }],
    ['the close link asks for a confirmation first', async () => {
      await page.locator('a', { hasText: '办结…' }).click();
      await page.waitForURL((u) => u.pathname === '/admin/complaints/close');
      expect((await page.locator('h1').innerText()).includes('办结投诉'), 'no confirmation page');
      expect(await page.locator('input[name=confirm][required]').count() === 1, 'no confirmation box');
    }],
    ['the statistics page draws its charts', async () => {
      await page.goto(`${BASE}/admin/complaints/stats`);
      const total = Number(await page.locator('#t-total').innerText());
      expect(total > 0, `total ${total}`);
      expect(await page.locator('#chart-category svg rect').count() === 4, 'category chart');
      expect(await page.locator('#chart-status svg rect').count() === 5, 'status chart');
      await page.screenshot({ path: `${OUT}workorders-stats.png`, fullPage: true });
    }],
  ]);
} catch (err) {
  notOk(currentStep, err && err.stack ? err.stack : err);
} finally {
  if (browser) await browser.close();
}
console.log(`# workorders.mjs: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
