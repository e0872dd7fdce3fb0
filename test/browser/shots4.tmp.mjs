import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:18410';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await b.newPage({ viewport: { width: 1100, height: 900 } });
async function login(m, p) {
  await page.goto(`${BASE}/login?next=/service/`);
  await page.locator('#msisdn').fill(m);
  await Promise.all([page.waitForURL((u) => u.pathname === '/login/password'), page.locator('main form button[type=submit]').click()]);
  await page.locator('#password').fill(p);
  await Promise.all([page.waitForURL((u) => u.pathname === '/service/'), page.locator('main form button[type=submit]').click()]);
}
await login(process.argv[2], process.argv[3]);
for (const p of process.argv.slice(4)) {
  await page.goto(`${BASE}${p}`);
  await page.screenshot({ path: `/tmp/sc4shots/${p.replace(/\W+/g, '_')}.png`, fullPage: true });
}
await b.close();
