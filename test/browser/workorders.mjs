// Browser test: the complaint back office as head office's complaint
// supervisor: the queue (counts, filters), a demo complaint's page (history
// with internal notes marked, work orders, action forms) and the statistics
// with their SVG charts, with no console errors, failed requests or error
// responses. Screenshots: test/browser/out/workorders-{queue,detail,stats}.png.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/workorders.mjs
//
// Conventions in lib.mjs. Uses the demo staff hq_super (schema/demo/LOGINS.txt) and the demo
// complaints of schema/demo/080_complaints.sql. Changes nothing.
import { BASE, OUT, expect, flow, newPage, run } from './lib.mjs';

const STAFF = { username: 'hq_super', password: 'Super#2026' };

await run('workorders', async (browser) => {
  const { page } = await newPage(browser, { height: 900 });
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
      await page.screenshot({ path: `${OUT}workorders-queue.png`, fullPage: true });
      // Other tests file newer complaints: the demo ones by their numbers.
      await page.goto(`${BASE}/admin/complaints/?q=D0000`);
      expect(await page.locator('table.wo-queue', { hasText: 'D0000' }).count() === 1, 'no demo complaint');
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
});
