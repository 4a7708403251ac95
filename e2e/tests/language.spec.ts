import { test, expect } from '../support/fixtures';
import { BODIES, LANGS, SLUGS, SitePage, TEXT } from '../pages/site';

test.describe('the root address picks a language', () => {
  test('Kazakh is the default', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/kk$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.homeTitle.kk);
    await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  });

  test.describe('with a Russian browser', () => {
    test.use({ locale: 'ru-RU' });
    test('the browser language is used', async ({ page }) => {
      await page.goto('/');
      await expect(page).toHaveURL(/\/ru$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.homeTitle.ru);
    });
  });

  test('a language chosen before wins over the browser language', async ({ page }) => {
    const site = new SitePage(page, 'kk');
    await site.open('/kk');
    await site.switchTo('en');
    await expect(page).toHaveURL(/\/en$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(TEXT.homeTitle.en);
  });
});

for (const lang of LANGS) {
  test(`the home page lists the five bodies in ${lang}, grouped by kind`, async ({ page }) => {
    const site = new SitePage(page, lang);
    await site.open(`/${lang}`);
    await expect(site.heading()).toHaveText(TEXT.homeTitle[lang]);
    await expect(page).toHaveTitle(`${TEXT.homeTitle[lang]} — ${TEXT.siteShort[lang]}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const ministries = page.getByRole('region', { name: TEXT.ministries[lang] });
    await expect(ministries.getByRole('link')).toHaveText(SLUGS.filter((s) => s !== 'astana').map((s) => BODIES[s][lang]));
    const akimats = page.getByRole('region', { name: TEXT.akimats[lang] });
    await expect(akimats.getByRole('link')).toHaveText([BODIES.astana[lang]]);
  });
}

test('switching language keeps the page and changes every text', async ({ page }) => {
  let site = new SitePage(page, 'kk');
  await site.open('/kk/bodies/enbek');
  await expect(site.heading()).toHaveText(BODIES.enbek.kk);
  await expect(site.languageSwitch().getByRole('link', { name: 'Қазақша' })).toHaveAttribute('aria-current', 'true');

  site = await site.switchTo('ru');
  await expect(page).toHaveURL(/\/ru\/bodies\/enbek$/);
  await expect(site.heading()).toHaveText(BODIES.enbek.ru);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(site.sectionsNav().getByRole('link', { name: 'Вопрос-ответ' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Категории вопросов' })).toBeVisible();
  await expect(page.getByText('Пенсионное обеспечение')).toBeVisible();

  site = await site.switchTo('en');
  await expect(page).toHaveURL(/\/en\/bodies\/enbek$/);
  await expect(site.heading()).toHaveText(BODIES.enbek.en);
  await expect(page.getByText('Pensions', { exact: true })).toBeVisible();
  await expect(page).toHaveTitle(`${BODIES.enbek.en} — ${TEXT.siteShort.en}`);
});

test('each language link names its language in that language', async ({ page }) => {
  const site = new SitePage(page, 'ru');
  await site.open('/ru');
  for (const [code, name] of [['kk', 'Қазақша'], ['ru', 'Русский'], ['en', 'English']]) {
    const link = site.languageSwitch().getByRole('link', { name });
    await expect(link).toHaveAttribute('lang', code);
    await expect(link).toHaveAttribute('href', `/${code}`);
  }
});
