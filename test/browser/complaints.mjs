// Browser test: a visitor files a complaint (S-01), reads the tracking
// number and password on the result page (shown once: a reload no longer
// shows the password), then, in another browser, tracks it with them
// (S-03) and sees the case with its history.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/complaints.mjs
//
// Conventions in lib.mjs.
// Files from a random number of the 1582800 segment (四川 成都) with a random
// tag, so reruns never meet the duplicate window or the open limit.
// Screenshots: test/browser/out/complaints-{form,done,track,view}.png.
import { BASE, OUT, expect, flow, newPage, run } from './lib.mjs';

const TAG = Math.random().toString(36).slice(2, 10);
const NUMBER = `1582800${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
const TITLE = `手机信号差 ${TAG}`;
const CONTENT = `我家在成都高新区，最近一个月室内手机信号很差，经常打不通电话，上网也很慢。${TAG}`;

await run('complaints', async (browser) => {
  const { page } = await newPage(browser, { height: 900 });
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
      ({ page: other } = await newPage(browser, { height: 900 }));
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
});
