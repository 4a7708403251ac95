import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { linkIn, waitForMail } from '../support/mailbox';
import { AskPage } from '../pages/ask';

const QUESTION = 'Как рассчитывается базовая пенсионная выплата, если стаж меньше десяти лет?';

test('a citizen asks in Russian with the keyboard alone and confirms the email', async ({ page }) => {
  const ask = new AskPage(page);
  await ask.open('enbek');
  await expectNoAxeViolations(page, 'the empty form');
  const email = `kb-${Date.now()}@mail.kz`;

  await page.getByLabel('Государственный орган').focus();
  await page.keyboard.press('Tab');
  await expect(ask.category()).toBeFocused();
  await ask.category().selectOption({ label: 'Пенсионное обеспечение' });
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Русский')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.name()).toBeFocused();
  await page.keyboard.type('Айгуль Сеитова');
  await page.keyboard.press('Tab');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(ask.text()).toBeFocused();
  await page.keyboard.type(QUESTION);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Моими инициалами')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(ask.consent()).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(ask.checkButton()).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Проверьте ваш вопрос' })).toBeFocused();
  await expect(page.getByText(QUESTION)).toBeVisible();
  await expectNoAxeViolations(page, 'the preview');
  await ask.sendButton().focus();
  await page.keyboard.press('Enter');
  const number = await ask.sentNumber();
  await expectNoAxeViolations(page, 'the receipt');

  const mail = await waitForMail(email, `Подтвердите ваш вопрос: ${number}`);
  expect(mail.html).toContain(number);
  await page.goto(linkIn(mail, '/questions/confirm#'));
  await expect(page.getByRole('heading', { level: 1, name: 'Почта подтверждена' })).toBeVisible();
  await expect(page.locator('.reference')).toHaveText(number);
  await expectNoAxeViolations(page, 'the confirmation');
});

test('errors are summarised, linked to their fields, and nothing typed is lost', async ({ page }) => {
  const ask = new AskPage(page);
  await ask.open('dsm');
  await ask.name().fill('Ержан');
  await ask.checkButton().click();

  await expect(ask.errorSummary()).toBeFocused();
  await expect(page).toHaveTitle(/^Ошибка: Задать вопрос/);
  await expect(ask.errorSummary().getByRole('link')).toHaveText([
    'Выберите категорию вопроса',
    'Укажите адрес электронной почты',
    'Напишите ваш вопрос',
    'Чтобы отправить вопрос, дайте согласие на обработку персональных данных',
  ]);
  await expect(ask.email()).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the form with errors');

  await ask.errorSummary().getByRole('link', { name: 'Напишите ваш вопрос' }).click();
  await expect(ask.text()).toBeFocused();
  await expect(ask.name()).toHaveValue('Ержан');
});

test('the preview warns about personal data and "Change" returns to the field', async ({ page }) => {
  const ask = new AskPage(page);
  await ask.open('minfin');
  await ask.category().selectOption({ label: 'Налоговые платежи' });
  await ask.name().fill('Даурен');
  await ask.email().fill('dauren@mail.kz');
  await ask.text().fill('Мой ИИН 061211600012, почему начислен налог на имущество дважды?');
  await ask.consent().check();
  await ask.checkButton().click();
  await expect(page.getByRole('note')).toContainText('ИИН');
  await page.getByRole('button', { name: 'Изменить — Ваш вопрос' }).click();
  await expect(ask.text()).toBeFocused();
  await expect(ask.text()).toHaveValue(/061211600012/);
});

test('a failed request keeps the question and a retry sends it once', async ({ page }) => {
  const ask = new AskPage(page);
  await ask.open('edu');
  await ask.category().selectOption({ label: 'Заработная плата педагогов' });
  await ask.name().fill('Гульнар');
  await ask.email().fill(`retry-${Date.now()}@mail.kz`);
  await ask.text().fill('Когда будет повышение заработной платы учителей в сельских школах?');
  await ask.consent().check();
  await ask.checkButton().click();

  await page.route('**/api/v1/questions', (route) => route.abort('connectionrefused'));
  page.removeAllListeners('console');
  await ask.sendButton().click();
  await expect(page.getByRole('alert')).toContainText('Вопрос не отправлен');
  await expect(page.getByText('Когда будет повышение')).toBeVisible();

  await page.unroute('**/api/v1/questions');
  await ask.sendButton().click();
  await ask.sentNumber();
});

test('the form speaks Kazakh on the Kazakh site', async ({ page }) => {
  await page.goto('/kk/bodies/astana');
  await page.getByRole('link', { name: 'Сұрақ қою' }).click();
  // The form is a bundle of its own: the link loads a new page, which starts at its top.
  await expect(page.getByRole('heading', { level: 1, name: 'Сұрақ қою' })).toBeVisible();
  await expect(page).toHaveURL(/\/kk\/questions\/ask\?body=astana$/);
  // The language switch keeps the query, so the body stays chosen in the other language.
  await expect(page.getByRole('link', { name: 'Русский' })).toHaveAttribute('href', '/ru/questions/ask?body=astana');
  await expect(page.getByLabel('Мемлекеттік орган')).toHaveValue('astana');
  await expect(page.getByLabel('Қазақша')).toBeChecked();
  await expect(page.getByLabel('Сұрағыңыз')).toBeVisible();
  await expectNoAxeViolations(page, 'the Kazakh form');
});
