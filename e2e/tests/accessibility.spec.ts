import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { LANGS, SitePage } from '../pages/site';
import { OFFICE_ROUTES, PUBLIC_ROUTES } from '../pages/routes';
import { OFFICE_TEXT } from '../pages/office';

// Every route of the app, in every language (e2e/pages/routes.ts lists them).
const ROUTES = [...PUBLIC_ROUTES, ...OFFICE_ROUTES];

for (const lang of LANGS) {
  test(`axe finds no WCAG 2.2 AA violations on any page in ${lang}`, async ({ page }) => {
    // About thirty pages, each loaded and scanned.
    test.setTimeout(180_000);
    const site = new SitePage(page, lang);
    for (const route of ROUTES) {
      await site.open(`/${lang}${route}`);
      if (route.startsWith('/office')) await expect(site.heading()).toHaveText(OFFICE_TEXT.loginTitle[lang]);
      await expectNoAxeViolations(page);
    }
  });
}

test('axe finds no violations in the version for the visually impaired', async ({ page }) => {
  const site = new SitePage(page, 'kk');
  await site.open('/kk');
  await site.specialVersionSwitch().click();
  for (const route of ['', '/bodies/enbek', '/questions', '/office', '/office/enbek/cases?status=received']) {
    await site.open(`/kk${route}`);
    await expect(page.locator('html')).toHaveAttribute('data-a11y', 'on');
    await expectNoAxeViolations(page);
  }
});

test('the layout reflows at 320 px without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const site = new SitePage(page, 'kk');
  for (const route of ['/kk', '/kk/bodies/enbek']) {
    await site.open(route);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, route).toBeLessThanOrEqual(0);
  }
});
