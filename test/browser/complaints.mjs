// Browser test: a visitor files a complaint (S-01), reads the tracking
// number and password on the result page (shown once: a reload no longer
// shows the password), then, in another browser, tracks it with them
// (S-03) and sees the case with its history.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/complaints.mjs
//
// Same conventions as login.mjs: "ok - name" / "not ok - name" per step,
// exit 1 if any failed; console errors, page errors, failed same-origin
// requests and same-origin responses >= 400 fail the step they happen in.
// Files from a random number of the 1582800 segment (四川 成都) with a random
// tag, so reruns never meet the duplicate window or the open limit.
// Screenshots: test/browser/out/complaints-{form,done,track,view}.png.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.SC_URL || '').replace(/\/+$/, '');
const CHROMIUM = process.env.SC_CHROMIUM || '/usr/bin/chromium';
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const TAG = Math.random().toString(36).slice(2, 10);
const NUMBER = `1582800${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
const TITLE = `手机信号差 ${TAG}`;
const CONTENT = `我家在成都高新区，最近一个月室内手机信号很差，经常打不通电话，上网也很慢。${TAG}`;

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
  const newPage = async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    ctx.setDefaultTimeout(15000);
    return watch(await ctx.newPage());
  };
  const page = await newPage();
  let trackNo = '';
  let password = '';
  let other;
  await flow([
    ['the complaints page leads to the complaint form', async () => {
      await page.goto(`${BASE}/complaints/`);
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/complaints/new'),
        page.getByRole('link', { name: /我要投诉/ }).click(),
      ]);
      expect((await page.locator('h1').innerText()).trim() === '我要投诉', 'no 我要投诉 heading');
    }],
    ['a visitor fills in and submits the form', async () => {
      await page.locator('#msisdn').fill(NUMBER);
      await page.locator('#email').fill(`b${TAG}@example.com`);
      await page.locator('#title').fill(TITLE);
      await page.locator('#content').fill(CONTENT);
      await page.screenshot({ path: `${OUT}complaints-form.png`, fullPage: true });
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/complaints/done'),
        page.locator('main form button[type=submit]').click(),
      ]);
    }],
    ['the result page shows the tracking number and password', async () => {
      trackNo = (await page.locator('#track-no').innerText()).trim();
      password = (await page.locator('#track-pw').innerText()).trim();
      expect(/^T\d{15,}$/.test(trackNo), `tracking number "${trackNo}"`);
      expect(/^[A-Za-z2-9]{8}$/.test(password), `password "${password}"`);
      expect(!page.url().includes(password), 'the password is in the URL');
      await page.screenshot({ path: `${OUT}complaints-done.png`, fullPage: true });
    }],
    ['a reload no longer shows the password', async () => {
      await page.reload();
      const text = await page.locator('main').innerText();
      expect(text.includes('只在提交后显示一次'), 'no "shown once" notice');
      expect(!text.includes(password), 'the password is shown again');
    }],
    ['in another browser, the number and password open the case', async () => {
      other = await newPage();
      await other.goto(`${BASE}/complaints/track`);
      await other.locator('#track_no').fill(trackNo);
      await other.locator('#track_pw').fill(password);
      await other.screenshot({ path: `${OUT}complaints-track.png`, fullPage: true });
      await Promise.all([
        other.waitForURL((u) => u.pathname === '/complaints/view'),
        other.locator('main form button[type=submit]').click(),
      ]);
      expect((await other.locator('h1').innerText()).trim() === TITLE, 'the case title is not shown');
      expect((await other.locator('#track-no').innerText()).trim() === trackNo, 'another tracking number');
      expect((await other.locator('#status').innerText()).trim() === '已受理', 'status is not 已受理');
      const history = await other.locator('.complaint-history').innerText();
      expect(history.includes('提交'), 'no submitted event in the history');
      await other.screenshot({ path: `${OUT}complaints-view.png`, fullPage: true });
    }],
  ]);
  currentStep = 'end';
  if (problems.length === 0) ok('no console errors, page errors or failed same-origin requests');
} catch (err) {
  if (failed === 0) notOk(`browser test ran to the end (step: ${currentStep})`, err && err.stack ? err.stack : err);
} finally {
  if (browser) await browser.close().catch(() => {});
}

console.log(`# browser complaints: ${passed} passed, ${failed} failed; screenshots in ${OUT}`);
process.exit(failed > 0 ? 1 : 0);
