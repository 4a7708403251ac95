import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { linkIn, waitForMail } from '../support/mailbox';
import { AskPage } from '../pages/ask';
import type { APIRequestContext } from '@playwright/test';

/** Signs a demo staff member in through the API; returns the CSRF header for changes. */
async function staff(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const res = await request.post('/api/v1/auth/login', { data: { email, password: 'demo12345' } });
  expect(res.status()).toBe(200);
  return { 'x-csrf-token': (await res.json()).csrf_token };
}

test('a question travels from the citizen through the staff to the archive, and the asker rates it', async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const ask = new AskPage(page);
  await ask.open('enbek');
  const email = `pipeline-${Date.now()}@mail.kz`;
  const question = 'Как подать заявление на пособие по безработице через портал электронного правительства?';
  await ask.category().selectOption({ label: 'Занятость населения' });
  await ask.name().fill('Айгуль Сеитова');
  await ask.email().fill(email);
  await ask.text().fill(question);
  await ask.consent().check();
  await ask.checkButton().click();
  await ask.sendButton().click();
  const number = await ask.sentNumber();
  await page.goto(linkIn(await waitForMail(email, `Подтвердите ваш вопрос: ${number}`), '/questions/confirm#'));
  await expect(page.getByRole('heading', { level: 1, name: 'Почта подтверждена' })).toBeVisible();

  // The staff side, through the office API (each role in its own session).
  const moderator = await playwright.request.newContext({ baseURL });
  const moderatorCsrf = await staff(moderator, 'moderator.enbek@demo.reception.kz');
  const queue = await (await moderator.get('/api/v1/office/bodies/enbek/cases')).json();
  const id = queue.find((c: { number: string }) => c.number === number).id;
  expect((await moderator.post(`/api/v1/office/cases/${id}/register`, { data: {}, headers: moderatorCsrf })).status()).toBe(200);
  const executor = await playwright.request.newContext({ baseURL });
  const executorCsrf = await staff(executor, 'executor.enbek@demo.reception.kz');
  const answer = '<p>Заявление подаётся на портале egov.kz в разделе «Занятость».</p>';
  expect((await executor.post(`/api/v1/office/cases/${id}/answer`, { data: { answer_html: answer }, headers: executorCsrf })).status()).toBe(204);
  const head = await playwright.request.newContext({ baseURL });
  const headCsrf = await staff(head, 'head.enbek@demo.reception.kz');
  expect((await head.post(`/api/v1/office/cases/${id}/publish`, { data: {}, headers: headCsrf })).status()).toBe(204);

  // The archive finds it; a visitor votes.
  await page.goto('/ru/bodies/enbek/questions?q=%D0%BF%D0%BE%D1%80%D1%82%D0%B0%D0%BB');
  await page.getByRole('link', { name: question }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Вопрос ${number}` })).toBeVisible();
  await expect(page.getByText('Заявление подаётся на портале egov.kz')).toBeVisible();
  const satisfied = page.getByRole('button', { name: /^Удовлетворён\(а\)/ });
  await satisfied.click();
  await expect(satisfied).toHaveAttribute('aria-pressed', 'true');
  await expect(satisfied).toHaveText('Удовлетворён(а): 1');
  await page.reload();
  await expect(page.getByRole('button', { name: /^Удовлетворён\(а\)/ })).toHaveAttribute('aria-pressed', 'true');
  await expectNoAxeViolations(page, 'a question page after voting');

  // The asker is told by email and rates the answer once.
  const published = await waitForMail(email, `Ответ на ваш вопрос опубликован: ${number}`);
  const rateLink = linkIn(published, '/rate#');
  await page.goto(rateLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Оценка ответа' })).toBeVisible();
  await page.getByRole('button', { name: 'Отправить оценку' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Есть ошибки' })).toBeFocused();
  await expectNoAxeViolations(page, 'the rating form with an error');
  await page.getByLabel('5 — отлично').check();
  await page.getByLabel('Комментарий (необязательно)').fill('Спасибо, всё понятно.');
  await page.getByRole('button', { name: 'Отправить оценку' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Спасибо за оценку' }).first()).toBeVisible();
  // Opening the link again: the form loads, but the link no longer works.
  await page.reload();
  await page.getByLabel('1 — очень плохо').check();
  await page.getByRole('button', { name: 'Отправить оценку' }).click();
  await expect(page.getByRole('alert')).toContainText('Ссылка недействительна или уже использована');
});
