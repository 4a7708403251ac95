import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { SitePage } from '../pages/site';

test('a citizen finds an answer in the archive and reads it', async ({ page }) => {
  const site = new SitePage(page, 'ru');
  await site.open('/ru/bodies/enbek');
  // The archive is a bundle of its own: this link is a full page load.
  await site.main().getByRole('link', { name: 'Вопрос-ответ', exact: true }).click();
  await expect(page).toHaveURL(/\/ru\/bodies\/enbek\/questions$/);
  await expect(site.heading()).toHaveText('Вопросы и ответы');
  const results = page.getByRole('list', { name: 'Результаты' }).getByRole('listitem');
  await expect(results).toHaveCount(20);

  await page.getByLabel('Поиск по вопросам и ответам').fill('ПЕНСИ');
  await page.getByRole('button', { name: 'Найти' }).click();
  await expect(page).toHaveURL(/q=%D0%9F%D0%95%D0%9D%D0%A1%D0%98/);
  // Fewer than the 20 of an unfiltered page, and at least one.
  await expect(results).not.toHaveCount(20);
  await expect(results.first()).toBeVisible();

  await results.first().getByRole('link').click();
  await expect(site.heading()).toHaveText(/^Вопрос ЖТ-\d{4}-\d{8}$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Ответ', exact: true })).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'Опубликован' })).toBeVisible();
  await expectNoAxeViolations(page, 'a question page');

  // Back to the main bundle through the breadcrumb.
  await page.getByRole('navigation', { name: 'Навигационная цепочка' }).getByRole('link', { name: 'Главная' }).click();
  await expect(site.heading()).toHaveText('Государственные органы');
});

test('"Show more" adds the next page below and keeps focus on the button', async ({ page }) => {
  const site = new SitePage(page, 'kk');
  await site.open('/kk/bodies/dsm/questions');
  const results = page.getByRole('list', { name: 'Нәтижелер' }).getByRole('listitem');
  await expect(results).toHaveCount(20);
  const more = page.getByRole('button', { name: 'Тағы көрсету' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(results).toHaveCount(33);
  await expect(page.getByRole('status').filter({ hasText: 'Тізімге қосылған сұрақтар: 13' })).toHaveCount(1);
  await expect(more).toHaveCount(0);
});

test('the question text and answer carry their own language', async ({ page }) => {
  const site = new SitePage(page, 'en');
  await site.open('/en/bodies/astana/questions');
  const kazakh = page.locator('.archive-excerpt[lang="kk"]').first();
  await expect(kazakh).toBeVisible();
  await kazakh.getByRole('link').click();
  await expect(page.locator('.question-text')).toHaveAttribute('lang', 'kk');
  await expect(page.locator('.answer')).toHaveAttribute('lang', 'kk');
});
