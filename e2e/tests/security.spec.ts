import { test, expect } from '../support/fixtures';

test('pages carry a strict Content-Security-Policy and still run', async ({ page }) => {
  const response = await page.goto('/kk');
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // The app rendered, so the wasm and the hashed inline scripts were allowed; the fixture fails
  // the test on any CSP violation in the console.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('built assets are served compressed with long cache lifetimes', async ({ page, request }) => {
  const wasm: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push(r.url());
  });
  await page.goto('/kk');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(wasm).toHaveLength(1);
  const asset = await request.get(wasm[0], { headers: { 'accept-encoding': 'br, gzip' } });
  expect(asset.status()).toBe(200);
  expect(asset.headers()['content-encoding']).toBe('br');
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  const html = await request.get('/kk');
  expect(html.headers()['cache-control']).toBe('no-cache');
});
