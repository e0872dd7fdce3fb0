// Browser test: the demo customer logs in and opens the monthly bill; the
// server-rendered SVG bar chart (no JavaScript) is visible with one bar per
// closed month, the selected month highlighted, on a desktop and on a
// 375px phone without horizontal scrolling.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/billing.mjs
//
// Conventions in lib.mjs. Screenshots: test/browser/out/bill.png and
// phone-bill.png.
import {
  OUT, chromiumVersion, customerLogin, expect, flow, newPage, run,
} from './lib.mjs';

const CUSTOMER = { msisdn: '13800138000', password: '258369' };

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

await run('billing', async (browser) => {
  chromiumVersion(browser);
  {
    const { ctx, page } = await newPage(browser);
    await flow([
      ['login leads back to the monthly bill', async () => {
        await customerLogin(page, CUSTOMER, '/billing/bill');
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
    const { ctx, page } = await newPage(browser, { phone: true });
    await flow([
      ['phone 375x667: the monthly bill and its chart fit the screen', async () => {
        await customerLogin(page, CUSTOMER, '/billing/bill');
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
});
