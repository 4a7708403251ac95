import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { linkIn, waitForMail } from '../support/mailbox';
import { BODIES } from '../pages/site';
import { OfficePage, RU, StaffSession, askAndConfirm, executorName, staffEmail, watchConsole } from '../pages/office';

test('a question travels from the citizen through the staff office to the archive, and the asker rates it', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const phone = '+7 701 123 45 67';
  const question = `Как подать заявление на пособие по безработице через портал электронного правительства? Перезвоните мне: ${phone}.`;
  const masked = 'Как подать заявление на пособие по безработице через портал электронного правительства? Перезвоните мне: ***.';
  const { number, email } = await askAndConfirm(page, {
    body: 'enbek',
    category: 'Занятость населения',
    text: question,
    email: `pipeline-${Date.now()}@mail.kz`,
  });
  const enbek = BODIES.enbek.ru;

  // The moderator signs in through the form (in a browser of their own).
  const moderatorContext = await browser.newContext({ baseURL });
  const moderatorPage = await moderatorContext.newPage();
  const moderatorProblems = watchConsole(moderatorPage);
  const moderator = new OfficePage(moderatorPage);
  await moderator.open();
  await moderator.expectSignInForm();
  await expectNoAxeViolations(moderatorPage, 'the sign-in form');
  await moderator.signInButton().click();
  await expect(moderator.errorSummary()).toBeFocused();
  await expectNoAxeViolations(moderatorPage, 'the sign-in form with errors');
  await moderator.signIn(staffEmail('moderator', 'enbek'));
  await expect(moderator.heading()).toHaveText('Кабинет сотрудника');
  await expectNoAxeViolations(moderatorPage, "the moderator's work list");

  // The moderation queue flags the personal data; the case repeats the warning.
  await moderator.openTask(enbek, 'Вопросы на модерации');
  await expect(moderator.caseRow(number)).toContainText(RU.hasPersonalData);
  await expectNoAxeViolations(moderatorPage, 'the moderation queue');
  await moderator.openCase(number);
  await expect(moderator.fact('Статус')).toHaveText(RU.status.received);
  await expect(moderatorPage.getByRole('note')).toContainText(`${RU.personalDataWarning} номер телефона`);
  await expect(moderatorPage.locator('.question-text')).toHaveText(question);
  await expectNoAxeViolations(moderatorPage, 'a new case with the register, reject and redirect forms');

  const register = moderator.action(RU.registerTitle);
  await register.getByLabel('Категория', { exact: true }).selectOption({ label: 'Занятость населения' });
  await register.getByLabel('Подразделение', { exact: true }).selectOption({ label: 'Департамент труда и социального партнёрства' });
  await register.getByLabel('Исполнитель', { exact: true }).selectOption({ label: executorName('enbek') });
  await register.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
  await expect(moderator.outcome()).toHaveText(RU.registered);
  await expect(moderator.outcome()).toBeFocused();
  await expect(moderator.fact('Статус')).toHaveText(RU.status.assigned);
  await expect(moderator.fact('Категория')).toHaveText('Занятость населения');
  await expect(moderator.fact('Подразделение')).toHaveText('Департамент труда и социального партнёрства');
  await expect(moderator.fact('Исполнитель')).toHaveText(executorName('enbek'));
  await expect(moderator.fact('Срок ответа')).toContainText(/\d{2}\.\d{2}\.\d{4}/);
  await expect(moderator.action(RU.registerTitle)).toHaveCount(0);
  await expectNoAxeViolations(moderatorPage, 'the case after registration');
  expect(moderatorProblems, 'errors in the moderator’s browser console').toEqual([]);
  await moderatorContext.close();

  // The executor finds it among their cases and writes the answer in plain text.
  const executor = await StaffSession.signIn(browser, baseURL, staffEmail('executor', 'enbek'));
  const executorOffice = executor.office;
  await expect(executorOffice.heading()).toHaveText('Кабинет сотрудника');
  await expectNoAxeViolations(executor.page, "the executor's work list");
  await executorOffice.openTask(enbek, 'Мои дела');
  await expectNoAxeViolations(executor.page, "the executor's cases");
  await executorOffice.openCase(number);
  await expect(executorOffice.fact('Статус')).toHaveText(RU.status.assigned);
  await expect(executorOffice.action(RU.registerTitle)).toHaveCount(0);
  await expectNoAxeViolations(executor.page, 'an assigned case with the answer form');
  await executorOffice
    .action(RU.answerTitle)
    .getByLabel('Ответ', { exact: true })
    .fill('Заявление подаётся на портале egov.kz в разделе «Занятость».\n\nПодробности можно узнать в центре занятости по месту жительства.');
  await executorOffice.action(RU.answerTitle).getByRole('button', { name: 'Отправить на утверждение' }).click();
  await expect(executorOffice.outcome()).toHaveText(RU.answered);
  await expect(executorOffice.outcome()).toBeFocused();
  await expect(executorOffice.fact('Статус')).toHaveText(RU.status.answered);
  // Blank lines made paragraphs.
  await expect(executor.page.locator('.answer p')).toHaveText([
    'Заявление подаётся на портале egov.kz в разделе «Занятость».',
    'Подробности можно узнать в центре занятости по месту жительства.',
  ]);
  await expect(executorOffice.forms()).toHaveCount(0);
  await expectNoAxeViolations(executor.page, 'the case after answering');
  await executor.close();

  // The head approves it; the public copy hides the phone number.
  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'));
  const headOffice = head.office;
  await expectNoAxeViolations(head.page, "the head's work list");
  await headOffice.openTask(enbek, 'Ответы на утверждении');
  await expect(headOffice.caseRow(number)).toContainText(RU.hasPersonalData);
  await expectNoAxeViolations(head.page, 'the answers waiting for approval');
  await headOffice.openCase(number);
  await expect(headOffice.fact('Статус')).toHaveText(RU.status.answered);
  await expect(head.page.getByRole('note')).toContainText('номер телефона');
  const publicCopy = headOffice.action(RU.publishTitle).getByLabel('Текст вопроса для публикации');
  await expect(publicCopy).toHaveValue(masked);
  await expect(headOffice.action(RU.returnTitle)).toBeVisible();
  await expectNoAxeViolations(head.page, 'an answered case with the publish and return forms');
  await headOffice.action(RU.publishTitle).getByRole('button', { name: 'Утвердить и опубликовать' }).click();
  await expect(headOffice.outcome()).toHaveText(RU.published);
  await expect(headOffice.outcome()).toBeFocused();
  await expect(headOffice.fact('Статус')).toHaveText(RU.status.published);
  await expect(headOffice.forms()).toHaveCount(0);
  await expectNoAxeViolations(head.page, 'the case after publishing');
  await head.close();

  // The archive finds it, without the phone number; a visitor votes.
  await page.goto('/ru/bodies/enbek/questions?q=%D0%BF%D0%BE%D1%80%D1%82%D0%B0%D0%BB');
  await page.getByRole('link', { name: masked }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Вопрос ${number}` })).toBeVisible();
  await expect(page.locator('.question-text')).toHaveText(masked);
  await expect(page.getByText('Заявление подаётся на портале egov.kz')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('123 45 67');
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
