import { it } from 'vitest';
import { addDays, localToday } from '../../client/lib/dateRange';
import { ensureClientBuilt, launchBrowser, openPage, seed, startApp } from './harness';
const today = localToday();
it('debug', async () => {
  await ensureClientBuilt();
  const app = await startApp(); const browser = await launchBrowser();
  await seed(app, [{ slug: 'alpha', name: 'Alpha', members: 5 }, { slug: 'beta', name: 'Beta', members: 4 }], [{ team: 'alpha', date: addDays(today, -2), alerts: 3, pages: 2, pageHours: 3, deploys: 3, failedDeploys: 1 }]);
  const { createSnapshot } = await app.gql<any>(`mutation { createSnapshot(input: { label: "Sprint 7 review", range: { from: "${addDays(today, -20)}", to: "${today}" } }) { id } }`);
  await seed(app, [], [{ team: 'alpha', date: addDays(today, -1), alerts: 3 }]).catch(() => {});
  await app.gql(`mutation { recordDailyMetrics(input: [{ team: "alpha", date: "${addDays(today, -1)}", alerts: 3 }]) { received } }`);
  const page = await openPage(browser, 390, 844, app);
  const paths = (process.env.DBG_PATHS ?? `/snapshots/ID?compare=now`).split(',');
  for (const [n, path] of paths.entries()) {
    await page.goto(app.url + path.replace('ID', createSnapshot.id));
    await page.waitForTimeout(1500);
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 0; y < h && i < 8; y += 800, i++) {
      await page.screenshot({ path: `/tmp/dbg/m${n}-${i}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(800, h - y) } });
    }
  }
  await browser.close(); await app.close();
}, 60000);
