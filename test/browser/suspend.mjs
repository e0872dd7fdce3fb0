// Browser test: the orders' test customer suspends the line and resumes
// it, seeing each order as pending (处理中) and, when the local HLR
// simulator answers, going to done (已完成) as the page is reloaded.
//
//   SC_URL=http://127.0.0.1:8080 node test/browser/suspend.mjs
//
// Conventions in lib.mjs. Uses 13800138002 (schema/demo/065_service_orders.sql);
// with SC_VAR it first resets the number to active with no orders (as
// test/e2e/service_orders.sh does). The HLR simulator is looked for at
// SC_URL's port + 1000. Screenshot: test/browser/out/suspend.png.
import {
  BASE, OUT, customerLogin, dbExec, expect, flow, newPage, run, skip,
} from './lib.mjs';

const CUSTOMER = { msisdn: '13800138002', password: '482615' };
// How long the network may take to confirm an order.
const DONE_WITHIN_MS = 20000;

// The test number back to active with no orders; false without a stack.
function resetLine() {
  const m = CUSTOMER.msisdn;
  return dbExec(`DELETE FROM provision_orders WHERE msisdn = '${m}';
    DELETE FROM acceptances WHERE msisdn = '${m}';
    DELETE FROM hlr_lines WHERE msisdn = '${m}';
    UPDATE subscribers SET status = 'active' WHERE msisdn = '${m}'`);
}

// Whether the HLR simulator answers (an empty order is a 400; down is
// 503 from nginx or no answer at all).
async function simulatorAnswers() {
  const port = Number(new URL(BASE).port || 80) + 1000;
  try {
    const res = await fetch(`http://127.0.0.1:${port}/hlr/orders`, {
      method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: '',
      signal: AbortSignal.timeout(5000),
    });
    return res.status === 400 || res.status === 200;
  } catch {
    return false;
  }
}

async function orderState(page) {
  return page.locator('#order-state').getAttribute('data-state');
}

// From the action's page: confirm, land on the order page, see it pending
// (or already done if the network was that fast).
async function submit(page, path, heading) {
  await page.goto(`${BASE}${path}`);
  expect((await page.locator('h1').innerText()).trim() === heading, `no ${heading} heading`);
  await Promise.all([
    page.waitForURL((u) => u.pathname === '/service/order'),
    page.locator('#confirm').click(),
  ]);
  await page.waitForLoadState('load');
  const state = await orderState(page);
  expect(state === 'pending' || state === 'done', `order state is ${state}`);
  if (state === 'pending')
    expect((await page.locator('#order-state').innerText()).includes('处理中'), 'pending order does not say 处理中');
  return state;
}

// Reloads the order page until the network confirmed (up to DONE_WITHIN_MS).
async function untilDone(page, lineStatus) {
  const end = Date.now() + DONE_WITHIN_MS;
  let state = await orderState(page);
  while (state === 'pending' && Date.now() < end) {
    await page.waitForTimeout(1000);
    await page.reload();
    state = await orderState(page);
  }
  expect(state === 'done', `order still ${state} after ${DONE_WITHIN_MS / 1000} s`);
  expect((await page.locator('#order-state').innerText()).includes('已完成'), 'done order does not say 已完成');
  const line = await page.locator('#line-status').getAttribute('data-status');
  expect(line === lineStatus, `line status is ${line}, expected ${lineStatus}`);
}

await run('suspend', async (browser) => {
  const reset = resetLine();
  const network = await simulatorAnswers();
  console.log(`# line reset: ${reset ? 'yes' : 'no (SC_VAR not set)'}; HLR simulator answers: ${network ? 'yes' : 'no'}`);
  const { ctx, page } = await newPage(browser, { height: 900 });
  const steps = [
    ['the test customer logs in to 业务受理', async () => {
      await customerLogin(page, CUSTOMER, '/service/');
      const status = await page.locator('#line-status').getAttribute('data-status');
      expect(status === 'active', `line status is ${status}: reset the test number`);
    }],
    ['suspend: the order is shown as pending', async () => {
      await submit(page, '/service/suspend', '手机报停');
      await page.screenshot({ path: `${OUT}suspend.png`, fullPage: true });
    }],
  ];
  if (network) {
    steps.push(['suspend: reloading shows it done, the line suspended', () => untilDone(page, 'suspended')]);
    steps.push(['resume: the order is shown as pending', () => submit(page, '/service/resume', '恢复开机')]);
    steps.push(['resume: reloading shows it done, the line active', () => untilDone(page, 'active')]);
  }
  await flow(steps);
  if (!network) skip('order shown as pending', 'done step: the HLR simulator does not answer');
  await ctx.close();
  if (reset) resetLine();
});
