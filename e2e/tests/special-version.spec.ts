import { test, expect } from '../support/fixtures';
import { SitePage } from '../pages/site';

test('the special version switch is a toggle button that remembers its state', async ({ page }) => {
  const site = new SitePage(page, 'ru');
  await site.open('/ru');
  const toggle = site.specialVersionSwitch();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-a11y', 'on');
  await expect(page.getByRole('status').filter({ hasText: 'Включена версия для слабовидящих' })).toHaveCount(1);

  await site.open('/ru/bodies/dsm');
  await expect(site.specialVersionSwitch()).toHaveAttribute('aria-pressed', 'true');

  await site.specialVersionSwitch().click();
  await expect(page.locator('html')).not.toHaveAttribute('data-a11y', 'on');
  await page.reload();
  await expect(site.heading()).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-a11y', 'on');
});

test('saved settings apply before the app loads, so nothing flashes', async ({ page }) => {
  const site = new SitePage(page, 'kk');
  await site.open('/kk');
  await site.specialVersionSwitch().click();
  // Without the WebAssembly the app cannot run: what remains is the pre-paint script's work.
  await page.route('**/*.wasm', (route) => route.abort());
  page.removeAllListeners('console');
  page.removeAllListeners('pageerror');
  await page.goto('/kk/bodies/edu', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('html')).toHaveAttribute('data-a11y', 'on');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  const fontSize = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(fontSize).toBe('20px');
});
