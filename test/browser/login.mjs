// Browser test: the demo customer logs in through the real stack in
// Chromium (Debian's, driven by playwright-core) and sees the account
// overview; the login also works with the keyboard only, and the home page
// fits a phone screen.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/login.mjs
//
// Conventions in lib.mjs.
import {
  BASE, chromiumVersion, expect, flow, newPage, noHorizontalScroll, run, shot, text,
} from './lib.mjs';

const CUSTOMER = {
  msisdn: '13800138000',
  password: '258369',
  brand: '全球通',
  province: '北京',
  balance: '128.50',
};

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

await run('login', async (browser) => {
  chromiumVersion(browser);

  // ---------------------------------------------------------- mouse login
  {
    // A new context is a fresh profile: no cookies, no cache.
    const { ctx, page } = await newPage(browser);
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
    const { ctx, page } = await newPage(browser);
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
    const { ctx, page } = await newPage(browser, { phone: true });
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

});
