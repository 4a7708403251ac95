import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { linkIn, waitForMail } from '../support/mailbox';
import { BODIES, SitePage, type Lang } from '../pages/site';
import {
  OFFICE_TEXT,
  OfficePage,
  PLATFORM_ADMIN,
  RU,
  StaffApi,
  StaffSession,
  askAndConfirm,
  executorName,
  staffEmail,
  tabTo,
} from '../pages/office';

const unique = (): string => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test('a rejection as a duplicate reaches the citizen with the link to the existing answer', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  // An answer already in the archive.
  await page.goto('/ru/bodies/enbek/questions');
  const existing = await page.getByRole('list', { name: 'Результаты' }).getByRole('link').first().getAttribute('href');
  const existingId = /\/ru\/questions\/(\d+)$/.exec(existing ?? '')?.[1];
  expect(existingId, `a link to a published question: ${existing}`).toBeTruthy();

  const asked = await askAndConfirm(page, {
    body: 'enbek',
    category: 'Пенсионное обеспечение',
    text: 'Во сколько лет женщины выходят на пенсию по возрасту и можно ли выйти раньше при стаже?',
    email: `reject-${unique()}@mail.kz`,
  });
  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'), '/enbek/cases?status=received');
  const office = moderator.office;
  await expect(office.heading()).toHaveText('Вопросы на модерации');
  await office.openCase(asked.number);
  const reject = office.action(RU.rejectTitle);
  await reject.getByLabel('На этот вопрос уже дан ответ').check();
  // The moderator pastes the address of the existing answer.
  await reject.getByLabel('Номер или ссылка на существующий ответ').fill(`${baseURL}${existing}`);
  await reject.getByRole('button', { name: 'Отказать и сообщить гражданину' }).click();
  await expect(office.outcome()).toHaveText(RU.rejected);
  await expect(office.outcome()).toBeFocused();
  await expect(office.fact('Статус')).toHaveText(RU.status.rejected);
  // The history names the reason in words, not by its code.
  await expect(moderator.page.getByRole('region', { name: 'История дела' })).toContainText('На этот вопрос уже дан ответ');
  await expect(office.forms()).toHaveCount(0);
  await expect(office.action(RU.registerTitle)).toHaveCount(0);
  await expect(office.action(RU.rejectTitle)).toHaveCount(0);
  await expect(office.action(RU.redirectTitle)).toHaveCount(0);
  await expectNoAxeViolations(moderator.page, 'a rejected case');
  // It is no longer waiting for moderation.
  await office.open('/enbek/cases?status=received');
  await office.waitForList();
  await expect(office.caseLink(asked.number)).toHaveCount(0);
  await moderator.close();

  const mail = await waitForMail(asked.email, `Ваш вопрос не зарегистрирован: ${asked.number}`);
  expect(mail.text).toContain('ответ на этот вопрос уже опубликован');
  const link = linkIn(mail, `/ru/questions/${existingId}`);
  expect(link).toMatch(new RegExp(`/ru/questions/${existingId}$`));
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: /^Вопрос ЖТ-\d{4}-\d{8}$/ })).toBeVisible();
});

test('the reject form summarises a missing reason and a missing answer number, linked to their fields', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const asked = await askAndConfirm(page, {
    body: 'enbek',
    category: 'Трудовые отношения и нарушения трудового законодательства',
    text: 'Работодатель не выплатил зарплату за два месяца, куда обратиться с жалобой?',
  });
  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'), '/enbek/cases?status=received');
  const office = moderator.office;
  await office.openCase(asked.number);
  const reject = office.action(RU.rejectTitle);
  const send = reject.getByRole('button', { name: 'Отказать и сообщить гражданину' });

  await send.click();
  const summary = office.errorSummary(reject);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Укажите причину']);
  await expect(moderator.page).toHaveTitle(new RegExp(`^Ошибка: Дело ${asked.number}`));
  await expect(reject.getByRole('group', { name: /Причина/ })).toContainText('Укажите причину');
  await expectNoAxeViolations(moderator.page, 'the reject form without a reason');
  await summary.getByRole('link', { name: 'Укажите причину' }).click();
  await expect(moderator.page.locator('#field-reason')).toBeFocused();

  await reject.getByLabel('На этот вопрос уже дан ответ').check();
  await send.click();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Укажите номер или ссылку на существующий ответ']);
  const duplicateOf = reject.getByLabel('Номер или ссылка на существующий ответ');
  await expect(duplicateOf).toHaveAttribute('aria-describedby', /field-duplicate_of-error/);
  await expectNoAxeViolations(moderator.page, 'the reject form without the existing answer');
  await summary.getByRole('link').click();
  await expect(duplicateOf).toBeFocused();
  // Nothing was sent: the case still waits for moderation.
  await expect(office.fact('Статус')).toHaveText(RU.status.received);
  await moderator.close();
});

test('the sign-in form summarises empty fields; a wrong password is refused in an alert, keeping the email', async ({ page }) => {
  const office = new OfficePage(page);
  await office.open();
  await office.expectSignInForm();
  await office.signInButton().click();
  const summary = office.errorSummary();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Укажите адрес электронной почты', 'Введите пароль']);
  await expect(page).toHaveTitle(/^Ошибка: Вход в кабинет/);
  await expect(office.emailField()).toHaveAttribute('aria-describedby', /field-email-error/);
  await expectNoAxeViolations(page, 'the sign-in form with errors');
  await summary.getByRole('link', { name: 'Введите пароль' }).click();
  await expect(office.passwordField()).toBeFocused();

  // A staff account no other test signs in with, so the failed attempt disturbs nobody.
  const email = staffEmail('moderator', 'minfin');
  await office.emailField().fill(email);
  await office.passwordField().fill('not-the-password');
  await office.signInButton().click();
  await expect(office.refusal()).toHaveText(RU.loginFailed);
  await expect(office.refusal()).toHaveAttribute('role', 'alert');
  await expect(office.refusal()).toBeFocused();
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveTitle(/^Вход в кабинет/);
  await expect(office.passwordField()).toHaveValue('');
  await expect(office.emailField()).toHaveValue(email);
  await expect(office.nav()).toHaveCount(0);
  await expectNoAxeViolations(page, 'the sign-in form after a refusal');

  // The right password then signs in.
  await office.passwordField().fill('demo12345');
  await office.signInButton().click();
  await expect(office.heading()).toHaveText('Кабинет сотрудника');
});

test('a question sent to the competent body leaves this queue for that body’s, and the citizen is told', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const asked = await askAndConfirm(page, {
    body: 'enbek',
    category: 'Социальное обеспечение',
    text: 'Почему в поликлинике по месту жительства отказываются выписать бесплатные лекарства по диабету?',
    email: `redirect-${unique()}@mail.kz`,
  });
  const enbek = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'), '/enbek/cases?status=received');
  await enbek.office.openCase(asked.number);
  const redirect = enbek.office.action(RU.redirectTitle);
  await redirect.getByLabel('Компетентный орган').selectOption({ label: BODIES.dsm.ru });
  await redirect.getByRole('button', { name: 'Направить', exact: true }).click();
  await expect(enbek.office.outcome()).toHaveText(RU.redirected);
  await expect(enbek.office.outcome()).toBeFocused();
  // The case is the other body's now: the page keeps its heading and offers no more moves.
  await expect(enbek.office.heading()).toHaveText(`Дело ${asked.number}`);
  await expect(enbek.office.forms()).toHaveCount(0);
  await expect(enbek.page.getByRole('alert')).toHaveCount(0);
  await expectNoAxeViolations(enbek.page, 'a case just redirected');
  await enbek.office.open('/enbek/cases?status=received');
  await enbek.office.waitForList();
  await expect(enbek.office.caseLink(asked.number)).toHaveCount(0);
  await enbek.close();

  const dsm = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'dsm'));
  await dsm.office.openTask(BODIES.dsm.ru, 'Вопросы на модерации');
  await dsm.office.openCase(asked.number);
  await expect(dsm.office.fact('Статус')).toHaveText(RU.status.received);
  await expect(dsm.office.fact('Орган')).toHaveText(BODIES.dsm.ru);
  await expect(dsm.office.action(RU.registerTitle)).toBeVisible();
  await expectNoAxeViolations(dsm.page, 'a redirected case in the competent body');
  await dsm.close();

  const mail = await waitForMail(asked.email, `Ваш вопрос передан в другой государственный орган: ${asked.number}`);
  expect(mail.text).toContain(BODIES.enbek.ru);
  expect(mail.text).toContain(BODIES.dsm.ru);
});

test('the head returns an answer with a note; the executor finds the draft and the note, and sends it again', async ({
  page,
  browser,
  baseURL,
  playwright,
}) => {
  test.setTimeout(90_000);
  const asked = await askAndConfirm(page, {
    body: 'enbek',
    category: 'Социальная защита лиц с инвалидностью',
    text: 'Какие документы нужны для оформления технических средств реабилитации ребёнку с инвалидностью?',
  });
  // Registered and answered through the API: this test is about the return.
  const moderatorApi = await StaffApi.signIn(playwright.request, baseURL, staffEmail('moderator', 'enbek'));
  const id = await moderatorApi.caseId('enbek', asked.number);
  await moderatorApi.register('enbek', id, 'disability');
  await moderatorApi.dispose();
  const executorApi = await StaffApi.signIn(playwright.request, baseURL, staffEmail('executor', 'enbek'));
  await executorApi.answer(id, '<p>Нужны заявление и индивидуальная программа реабилитации.</p>');
  await executorApi.dispose();

  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'));
  await head.office.openTask(BODIES.enbek.ru, 'Ответы на утверждении');
  await head.office.openCase(asked.number);
  const back = head.office.action(RU.returnTitle);
  await back.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(head.office.errorSummary(back)).toBeFocused();
  await expect(head.office.errorSummary(back).getByRole('link')).toHaveText(['Напишите, что нужно исправить']);
  await expectNoAxeViolations(head.page, 'the return form without a note');
  const note = 'Укажите, где подать заявление: портал egov.kz или отделение ЦОН.';
  await back.getByLabel('Что исправить').fill(note);
  await back.getByRole('button', { name: 'Вернуть на доработку' }).click();
  await expect(head.office.outcome()).toHaveText(RU.returned);
  await expect(head.office.outcome()).toBeFocused();
  await expect(head.office.fact('Статус')).toHaveText(RU.status.assigned);
  await expect(head.office.forms()).toHaveCount(0);
  await expectNoAxeViolations(head.page, 'the case after the return');
  await head.close();

  const executor = await StaffSession.signIn(browser, baseURL, staffEmail('executor', 'enbek'));
  await executor.office.openTask(BODIES.enbek.ru, 'Мои дела');
  await executor.office.openCase(asked.number);
  const answer = executor.office.action(RU.answerTitle).getByLabel('Ответ', { exact: true });
  await expect(answer).toHaveValue('Нужны заявление и индивидуальная программа реабилитации.');
  await expect(executor.office.history()).toContainText(note);
  await expectNoAxeViolations(executor.page, 'a returned case with its draft');
  await answer.fill('Нужны заявление и индивидуальная программа реабилитации.\n\nЗаявление подаётся на портале egov.kz или в отделении ЦОН.');
  await executor.office.action(RU.answerTitle).getByRole('button', { name: 'Отправить на утверждение' }).click();
  await expect(executor.office.outcome()).toHaveText(RU.answered);
  await expect(executor.office.fact('Статус')).toHaveText(RU.status.answered);
  await expect(executor.page.locator('.answer p')).toHaveText([
    'Нужны заявление и индивидуальная программа реабилитации.',
    'Заявление подаётся на портале egov.kz или в отделении ЦОН.',
  ]);
  await executor.close();
});

test('an executor gets no moderation forms and no other body’s cases', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const asked = await askAndConfirm(page, {
    body: 'enbek',
    category: 'Медико-социальная экспертиза',
    text: 'Сколько времени занимает переосвидетельствование инвалидности второй группы?',
  });
  const executor = await StaffSession.signIn(browser, baseURL, staffEmail('executor', 'enbek'));
  const office = executor.office;
  const tasks = office.bodySection(BODIES.enbek.ru).getByRole('link');
  await expect(tasks).toHaveText(['Мои дела']);

  // The moderation queue is readable, but its cases offer the executor no move.
  await office.open('/enbek/cases?status=received');
  await office.openCase(asked.number);
  await expect(office.fact('Статус')).toHaveText(RU.status.received);
  await expect(office.action(RU.registerTitle)).toHaveCount(0);
  await expect(office.action(RU.rejectTitle)).toHaveCount(0);
  await expect(office.action(RU.redirectTitle)).toHaveCount(0);
  await expect(office.forms()).toHaveCount(0);

  // Another body's list: the translated "no rights" message.
  await office.open('/dsm/cases?status=received');
  await expect(executor.page.getByRole('alert')).toHaveText(RU.forbidden);
  await expect(office.casesTable()).toHaveCount(0);
  await expectNoAxeViolations(executor.page, 'another body’s list, refused');
  await executor.close();
});

test('signing out returns to the sign-in form; signing out everywhere ends the other sessions too', async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const asked = await askAndConfirm(page, {
    body: 'edu',
    category: 'Заработная плата педагогов',
    text: 'Положена ли доплата учителю за классное руководство в двух классах одновременно?',
  });
  // An account no other test uses: signing out everywhere ends all its sessions.
  const account = staffEmail('moderator', 'edu');
  const office = new OfficePage(page);
  await office.open();
  await office.signIn(account);
  await office.signOutButton().click();
  await office.expectSignInForm();
  await page.reload();
  await office.expectSignInForm();

  await office.signIn(account);
  const other = await StaffSession.signIn(browser, baseURL, account, '/edu/cases?status=received');
  await other.office.openCase(asked.number);
  const register = other.office.action(RU.registerTitle);
  await register.getByLabel('Категория', { exact: true }).selectOption({ label: 'Заработная плата педагогов' });

  await office.signOutEverywhereButton().click();
  await office.expectSignInForm();

  // The other browser's next move is refused, what was chosen stays, and a reload asks to sign in.
  await register.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
  await expect(register.getByRole('alert')).toHaveText(RU.sessionEnded);
  await expect(other.office.fact('Статус')).toHaveText(RU.status.received);
  // A list opened from that browser's work list says the session ended, not that something broke.
  await other.page.getByRole('link', { name: 'Главная кабинета' }).click();
  await other.page.getByRole('link', { name: 'Вопросы на модерации' }).click();
  await expect(other.page.getByRole('alert')).toHaveText(RU.sessionEnded);
  await other.page.reload();
  await other.office.expectSignInForm();
  await other.close();
});

test('the platform administrator adds a day off and removes it; a moderator reads the calendar without a form', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(60_000);
  // Next year: its days the law sets are in the calendar already, and no deadline of today reaches it.
  const year = new Date().getFullYear() + 1;
  const office = new OfficePage(page);
  await office.open(`/calendar?year=${year}`);
  await office.signIn(PLATFORM_ADMIN);
  await expect(office.heading()).toHaveText('Календарь рабочих дней');
  await expect(page.getByRole('table')).toContainText(`Записи календаря, ${year}`);
  const form = office.action('Добавить или изменить день');
  await expectNoAxeViolations(page, 'the calendar editor');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(office.errorSummary(form)).toBeFocused();
  await expect(office.errorSummary(form).getByRole('link').first()).toHaveText('Укажите дату');
  await office.errorSummary(form).getByRole('link', { name: 'Укажите дату' }).click();
  await expect(form.getByLabel('Дата', { exact: true })).toBeFocused();

  await form.getByLabel('Дата', { exact: true }).fill(`${year}-03-12`);
  await form.getByLabel('Выходной день').check();
  const reason = `Постановление Правительства № ${unique()}`;
  await form.getByLabel('Основание').fill(reason);
  await form.getByRole('button', { name: 'Сохранить' }).click();
  const outcome = page.locator('#calendar-outcome');
  await expect(outcome).toHaveText(`Внесено в календарь: ${year}-03-12`);
  await expect(outcome).toBeFocused();
  const row = page.getByRole('row').filter({ hasText: `12.03.${year}` });
  await expect(row.getByRole('cell')).toHaveText([`12.03.${year}`, 'Выходной день', reason, 'Внесено администратором', 'Удалить']);
  await expectNoAxeViolations(page, 'the calendar with an added day');

  await row.getByRole('button', { name: `Удалить 12.03.${year}` }).click();
  await expect(outcome).toHaveText(`Запись удалена: ${year}-03-12`);
  await expect(row).toHaveCount(0);
  // Days the law sets cannot be removed.
  const holiday = page.getByRole('row').filter({ hasText: `22.03.${year}` });
  await expect(holiday).toContainText('По закону');
  await expect(holiday.getByRole('button')).toHaveCount(0);

  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'), `/calendar?year=${year}`);
  await expect(moderator.office.heading()).toHaveText('Календарь рабочих дней');
  await expect(moderator.page.getByRole('row').filter({ hasText: `22.03.${year}` })).toContainText('По закону');
  await expect(moderator.office.action('Добавить или изменить день')).toHaveCount(0);
  await expect(moderator.office.forms()).toHaveCount(0);
  await expect(moderator.page.getByRole('button', { name: /^Удалить/ })).toHaveCount(0);
  await expectNoAxeViolations(moderator.page, 'the calendar, read only');
  await moderator.close();
});

test('the body administrator sets the answer period; values out of range are summarised', async ({ page }) => {
  const office = new OfficePage(page);
  await office.open();
  await office.signIn(staffEmail('administrator', 'enbek'));
  await office.openTask(BODIES.enbek.ru, 'Настройки органа');
  const days = page.getByLabel('Срок ответа на вопрос, в рабочих днях');
  await expect(days).toHaveValue(/^\d+$/);
  const before = await days.inputValue();
  await expectNoAxeViolations(page, 'the body settings');

  const save = page.getByRole('button', { name: 'Сохранить' });
  const summary = office.errorSummary();
  for (const wrong of ['0', 'десять']) {
    await days.fill(wrong);
    await save.click();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText(['Введите число от 1 до 30']);
    await expect(days).toHaveAttribute('aria-describedby', /field-answer_working_days-error/);
    await expect(page).toHaveTitle(/^Ошибка: Настройки органа/);
  }
  await expectNoAxeViolations(page, 'the body settings with an error');
  await summary.getByRole('link').click();
  await expect(days).toBeFocused();

  await days.fill('10');
  await save.click();
  const outcome = page.locator('#settings-outcome');
  await expect(outcome).toHaveText('Настройки сохранены.');
  await expect(outcome).toBeFocused();
  await expect(summary).toHaveCount(0);
  await expect(page).toHaveTitle(/^Настройки органа/);
  await page.reload();
  await expect(page.getByLabel('Срок ответа на вопрос, в рабочих днях')).toHaveValue('10');

  // Leave the body as it was for the other tests.
  if (before !== '10') {
    await days.fill(before);
    await save.click();
    await expect(outcome).toHaveText('Настройки сохранены.');
  }
});

test('a moderator signs in and registers a question with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  const asked = await askAndConfirm(page, {
    body: 'enbek',
    category: 'Пенсионное обеспечение',
    text: 'Как перевести пенсионные накопления из ЕНПФ в управляющую компанию?',
  });
  const office = new OfficePage(page);
  await office.open();
  await office.expectSignInForm();

  await tabTo(page, office.emailField());
  await page.keyboard.type(staffEmail('moderator', 'enbek'));
  await page.keyboard.press('Tab');
  await expect(office.passwordField()).toBeFocused();
  await page.keyboard.type('demo12345');
  await page.keyboard.press('Enter');
  await expect(office.heading()).toHaveText('Кабинет сотрудника');
  await expect(office.heading()).toBeFocused();

  await tabTo(page, office.bodySection(BODIES.enbek.ru).getByRole('link', { name: 'Вопросы на модерации' }));
  await page.keyboard.press('Enter');
  await expect(office.heading()).toHaveText('Вопросы на модерации');
  await expect(office.heading()).toBeFocused();

  await tabTo(page, office.caseLink(asked.number));
  await page.keyboard.press('Enter');
  await expect(office.heading()).toHaveText(`Дело ${asked.number}`);
  await expect(office.heading()).toBeFocused();

  const register = office.action(RU.registerTitle);
  const category = register.getByLabel('Категория', { exact: true });
  const department = register.getByLabel('Подразделение', { exact: true });
  const executor = register.getByLabel('Исполнитель', { exact: true });
  const button = register.getByRole('button', { name: 'Зарегистрировать', exact: true });
  await tabTo(page, category);
  // Type-ahead picks the category; arrows pick the first department and its executor.
  await page.keyboard.type('Пенсионное');
  await expect(category.locator('option:checked')).toHaveText('Пенсионное обеспечение');
  await page.keyboard.press('Tab');
  await expect(department).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(department.locator('option:checked')).toHaveText('Департамент труда и социального партнёрства');
  await page.keyboard.press('Tab');
  await expect(executor).toBeFocused();
  await expect(executor.locator('option', { hasText: executorName('enbek') })).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(executor.locator('option:checked')).toHaveText(executorName('enbek'));
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  // Back one step and forward again: the order holds both ways.
  await page.keyboard.press('Shift+Tab');
  await expect(executor).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');

  await expect(office.outcome()).toHaveText(RU.registered);
  await expect(office.outcome()).toBeFocused();
  await expect(office.fact('Статус')).toHaveText(RU.status.assigned);
  await expect(office.fact('Категория')).toHaveText('Пенсионное обеспечение');
  await expect(office.fact('Исполнитель')).toHaveText(executorName('enbek'));
});

/** Waits until an office page shows what it loads after its heading. */
async function expectLoaded(office: OfficePage, path: string): Promise<void> {
  const page = office.page;
  if (path === '') await expect(office.bodySection(BODIES.enbek[office.lang])).toBeVisible();
  else if (path.includes('/cases?')) await expect(page.getByRole('form')).toBeVisible();
  else if (path.startsWith('/cases/')) await expect(page.locator('dl.facts')).toBeVisible();
  else if (path.startsWith('/calendar')) await expect(page.getByRole('table')).toBeVisible();
  else if (path.endsWith('/settings')) await expect(page.getByRole('textbox')).toHaveValue(/^\d+$/);
}

for (const lang of ['kk', 'en'] as Lang[]) {
  test(`the office speaks ${lang}: its pages load with their headings and pass axe`, async ({ page }) => {
    test.setTimeout(90_000);
    const office = new OfficePage(page, lang);
    await office.open();
    await office.expectSignInForm();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectNoAxeViolations(page, `the sign-in form in ${lang}`);
    await office.signIn(PLATFORM_ADMIN);
    await expect(office.heading()).toHaveText(OFFICE_TEXT.homeTitle[lang]);
    await expect(office.bodySection(BODIES.enbek[lang]).getByRole('link', { name: OFFICE_TEXT.moderate[lang] })).toBeVisible();
    await expectNoAxeViolations(page, `the work list in ${lang}`);

    const pages: [string, string | RegExp][] = [
      ['/enbek/cases?status=received', OFFICE_TEXT.moderate[lang]],
      ['/enbek/cases?status=assigned&mine=true', OFFICE_TEXT.mine[lang]],
      ['/enbek/cases?status=answered', OFFICE_TEXT.approve[lang]],
      ['/enbek/cases?status=assigned&overdue=true', OFFICE_TEXT.overdue[lang]],
      ['/enbek/cases?status=published', OFFICE_TEXT.cases[lang]],
      ['/cases/1', new RegExp(`^${OFFICE_TEXT.caseTitle[lang]} ЖТ-\\d{4}-\\d{8}$`)],
      ['/calendar', OFFICE_TEXT.calendar[lang]],
      ['/enbek/settings', OFFICE_TEXT.settings[lang]],
    ];
    for (const [path, title] of pages) {
      await office.open(path);
      await expect(office.heading(), path).toHaveText(title);
      await expectLoaded(office, path);
      if (path === '/calendar') await expect(office.action(OFFICE_TEXT.dayForm[lang])).toBeVisible();
      if (path === '/enbek/settings') await expect(page.getByLabel(OFFICE_TEXT.answerDays[lang])).toHaveValue(/^\d+$/);
      await expectNoAxeViolations(page, `${path} in ${lang}`);
    }

    // The version for the visually impaired, signed in.
    await office.open();
    await new SitePage(page, lang).specialVersionSwitch().click();
    await expect(page.locator('html')).toHaveAttribute('data-a11y', 'on');
    for (const path of ['', '/enbek/cases?status=received', '/cases/1']) {
      await office.open(path);
      await expectLoaded(office, path);
      await expect(page.locator('html')).toHaveAttribute('data-a11y', 'on');
      await expectNoAxeViolations(page, `${path || '/'} in ${lang}, version for the visually impaired`);
    }
  });
}
