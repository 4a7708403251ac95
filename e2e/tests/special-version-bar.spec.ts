import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { SitePage } from '../pages/site';
import { OFFICE_ROUTES, PUBLIC_ROUTES } from '../pages/routes';
import { DEMO_PASSWORD, staffEmail } from '../pages/office';
import type { Page } from '@playwright/test';

// Every route, in Russian, signed out (the office shows its sign-in form).
const PAGES = [...PUBLIC_ROUTES, ...OFFICE_ROUTES].map((route) => `/ru${route}`);
// The office as a moderator sees it.
const SIGNED_IN = ['/ru/office', '/ru/office/enbek/cases?status=received', '/ru/office/calendar'];
const SCHEMES = ['bw', 'wb', 'blue', 'beige', 'green'] as const;

/** Saves special-version settings the way the bar does, before any page of the site loads. */
async function withSettings(page: Page, settings: Record<string, string>): Promise<void> {
  await page.addInitScript((saved) => {
    localStorage.setItem('a11y', JSON.stringify({ on: true, ...saved }));
  }, settings);
}

/** Presses Tab until the element named `name` has focus (a keyboard user's way there). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

test('the settings bar is used with the keyboard alone, and Escape returns focus', async ({ page }) => {
  const site = new SitePage(page, 'ru');
  await site.open('/ru');
  await tabTo(page, 'Версия для слабовидящих');
  await page.keyboard.press('Enter');
  const bar = page.getByRole('region', { name: 'Настройки версии для слабовидящих' });
  await expect(bar).toBeVisible();
  await expect(page.getByRole('button', { name: 'Настройки', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page, 'the open settings bar');

  await tabTo(page, 'Белым по чёрному');
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-a11y-scheme', 'wb');
  await expect(bar.getByRole('button', { name: 'Белым по чёрному' })).toHaveAttribute('aria-pressed', 'true');
  await expect(bar.getByRole('button', { name: 'Чёрным по белому' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Цветовая схема: Белым по чёрному' })).toHaveCount(1);

  await tabTo(page, 'A 200%');
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
  await tabTo(page, 'С засечками');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-a11y-family', 'serif');
  await expectNoAxeViolations(page, 'white on black at 200%');

  await page.keyboard.press('Escape');
  await expect(bar).toBeHidden();
  await expect(page.getByRole('button', { name: 'Настройки', exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Настройки', exact: true })).toHaveAttribute('aria-expanded', 'false');

  // The settings follow the citizen to the next page and the next visit.
  await site.open('/ru/bodies/enbek');
  await expect(page.locator('html')).toHaveAttribute('data-a11y-scheme', 'wb');
  await expect(page.locator('html')).toHaveAttribute('data-a11y-font', '4');

  await page.getByRole('button', { name: 'Настройки', exact: true }).click();
  await bar.getByRole('button', { name: 'Сбросить настройки' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-a11y-scheme', /.*/);
  await expect(page.locator('html')).not.toHaveAttribute('data-a11y-font', /.*/);
  await expect(bar.getByRole('button', { name: 'Чёрным по белому' })).toHaveAttribute('aria-pressed', 'true');
  await bar.getByRole('button', { name: 'Обычная версия сайта' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-a11y', 'on');
  await expect(bar).toBeHidden();
  await expect(site.specialVersionSwitch()).toBeFocused();
  await expect(site.specialVersionSwitch()).toHaveAttribute('aria-pressed', 'false');
});

test('saved settings are applied before the app loads', async ({ page }) => {
  await withSettings(page, { scheme: 'green', font: '5', spacing: '3', leading: '3', images: 'grey', family: 'serif' });
  await page.route('**/*.wasm', (route) => route.abort());
  page.removeAllListeners('console');
  page.removeAllListeners('pageerror');
  await page.goto('/kk', { waitUntil: 'domcontentloaded' });
  const html = page.locator('html');
  for (const [key, value] of Object.entries({ scheme: 'green', font: '5', spacing: '3', leading: '3', images: 'grey', family: 'serif' })) {
    await expect(html).toHaveAttribute(`data-a11y-${key}`, value);
  }
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(59, 39, 22)');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('40px');
});

for (const scheme of SCHEMES) {
  test(`axe finds no violations in the colour scheme ${scheme}`, async ({ page }) => {
    test.setTimeout(240_000);
    await withSettings(page, { scheme });
    const site = new SitePage(page, 'ru');
    for (const route of PAGES) {
      await site.open(route);
      await expect(page.locator('html')).toHaveAttribute('data-a11y-scheme', scheme);
      await expectNoAxeViolations(page, `${route} in ${scheme}`);
    }
    // Signed in: the office's lists, a case with its forms, the calendar.
    const login = await page.request.post('/api/v1/auth/login', {
      data: { email: staffEmail('moderator', 'enbek'), password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    for (const route of SIGNED_IN) {
      await site.open(route);
      await expectNoAxeViolations(page, `${route} signed in, in ${scheme}`);
    }
    const published = await (await page.request.get('/api/v1/bodies/enbek/questions')).json();
    await site.open(`/ru/office/cases/${published.items[0].id}`);
    await expect(page.getByRole('heading', { level: 2, name: 'История дела' })).toBeVisible();
    await expectNoAxeViolations(page, `a published case in the office in ${scheme}`);
  });
}

test('at the largest font and the widest spacing every page reflows at 320 px and passes axe', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 320, height: 720 });
  await withSettings(page, { font: '5', spacing: '3', leading: '3' });
  const site = new SitePage(page, 'ru');
  for (const route of PAGES) {
    await site.open(route);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${route} scrolls sideways`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, `${route} at 250% with wide spacing`);
  }
});
