import { chromium } from 'playwright-core';
const [link, ...pages] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
p.on('pageerror', e => console.log('pageerror', e.message));
p.on('console', m => { if (m.type() === 'error') console.log('console', m.text()); });
await p.goto(link); await p.waitForTimeout(3000);
for (const [i, u] of pages.entries()) { await p.goto(u); await p.waitForTimeout(5000); await p.screenshot({ path: `/tmp/probe-${i}.png`, fullPage: true }); console.log(i, u); }
await b.close();
