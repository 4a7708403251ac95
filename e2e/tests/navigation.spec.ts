import { test, expect } from '../support/fixtures';
import { BODIES, SitePage, TEXT } from '../pages/site';

test('following a link moves focus to the new heading and announces the page', async ({ page }) => {
  const site = new SitePage(page, 'kk');
  await site.open('/kk');
  await page.getByRole('link', { name: BODIES.dsm.kk }).click();
  await expect(page).toHaveURL(/\/kk\/bodies\/dsm$/);
  await expect(site.heading()).toHaveText(BODIES.dsm.kk);
  await expect(site.heading()).toBeFocused();
  await expect(page).toHaveTitle(`${BODIES.dsm.kk} — ${TEXT.siteShort.kk}`);
  await expect(page.getByRole('status').filter({ hasText: BODIES.dsm.kk })).toHaveCount(1);

  await site.sectionsNav().getByRole('link', { name: 'Сұрақ-жауап' }).click();
  await expect(site.heading()).toHaveText('Сұрақ-жауап');
  await expect(site.heading()).toBeFocused();
  await expect(site.sectionsNav().getByRole('link', { name: 'Сұрақ-жауап' })).toHaveAttribute('aria-current', 'page');

  await page.goBack();
  await expect(site.heading()).toHaveText(BODIES.dsm.kk);
  await expect(site.heading()).toBeFocused();
});

test('the first page load leaves focus alone: the skip link comes first, then the special version switch', async ({ page }) => {
  const site = new SitePage(page, 'kk');
  await site.open('/kk');
  await expect(site.heading()).not.toBeFocused();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: TEXT.skip.kk });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(site.specialVersionSwitch()).toBeFocused();
});

test('the skip link takes keyboard users to the main content', async ({ page }) => {
  const site = new SitePage(page, 'en');
  await site.open('/en');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(site.main()).toBeFocused();
  await page.keyboard.press('Tab');
  // The next stop is inside main: the search of published answers, at the top of the home page.
  await expect(page.getByRole('searchbox', { name: 'Search published answers' })).toBeFocused();
});

test('the page has one of each landmark and one h1', async ({ page }) => {
  const site = new SitePage(page, 'ru');
  await site.open('/ru/bodies/astana');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Навигационная цепочка' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: BODIES.astana.ru })).toBeVisible();
});

test('a body page shows its head, departments and categories', async ({ page }) => {
  const site = new SitePage(page, 'kk');
  await site.open('/kk/bodies/minfin');
  await expect(page.getByText('Қазақстан Республикасының Қаржы министрі')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Құрылымдық бөлімшелер' })).toBeVisible();
  await expect(page.getByText('Салық саясаты департаменті')).toBeVisible();
  await expect(page.getByText('Мемлекеттік сатып алу', { exact: true })).toBeVisible();
});
