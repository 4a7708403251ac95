import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { SitePage } from '../pages/site';

// Screenshots for people to look at: each scheme on the pages citizens use most. They are
// written to e2e/screenshots/ (not kept in git); axe checks each one as it is taken.
const SCHEMES = ['normal', 'bw', 'wb', 'blue', 'beige', 'green'] as const;
const PAGES = { home: '/ru', question: '/ru/questions/1', ask: '/ru/questions/ask?body=enbek' };

for (const scheme of SCHEMES) {
  test(`screenshots in the scheme ${scheme}`, async ({ page }) => {
    if (scheme !== 'normal') {
      await page.addInitScript((s) => localStorage.setItem('a11y', JSON.stringify({ on: true, scheme: s })), scheme);
    }
    const site = new SitePage(page, 'ru');
    for (const [name, route] of Object.entries(PAGES)) {
      await site.open(route);
      if (scheme === 'normal') await expect(page.locator('html')).not.toHaveAttribute('data-a11y', 'on');
      else await expect(page.locator('html')).toHaveAttribute('data-a11y-scheme', scheme);
      await page.screenshot({ path: `screenshots/${name}-${scheme}.png`, fullPage: true });
      await expectNoAxeViolations(page, `${route} in ${scheme}`);
    }
  });
}
