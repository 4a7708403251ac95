import { test, expect } from '../support/fixtures';
import { SitePage, TEXT } from '../pages/site';

test('an unknown page under a language shows the not-found page in that language', async ({ page }) => {
  const site = new SitePage(page, 'ru');
  await site.open('/ru/no-such-page');
  await expect(site.heading()).toHaveText(TEXT.notFound.ru);
  await expect(page).toHaveTitle(`${TEXT.notFound.ru} — ${TEXT.siteShort.ru}`);
  await page.getByRole('link', { name: 'Перейти на главную' }).click();
  await expect(site.heading()).toHaveText(TEXT.homeTitle.ru);
});

test('an unknown language prefix is a 404 with the not-found page', async ({ page }) => {
  const response = await page.goto('/de/bodies/enbek');
  expect(response?.status()).toBe(404);
  const site = new SitePage(page, 'kk');
  await expect(site.heading()).toHaveText(TEXT.notFound.kk);
  await expect(site.languageSwitch()).toBeVisible();
});

test('an unknown body shows that the body was not found', async ({ page }) => {
  const site = new SitePage(page, 'en');
  await site.open('/en/bodies/no-such-body');
  await expect(site.heading()).toHaveText(TEXT.bodyNotFound.en);
});

test('the API answers an unknown body with a 404 and an error code', async ({ request }) => {
  const response = await request.get('/api/v1/bodies/no-such-body');
  expect(response.status()).toBe(404);
  expect(await response.json()).toMatchObject({ code: 'body_not_found' });
  const missing = await request.get('/api/v1/nothing');
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ code: 'not_found' });
});
