import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { linkIn, waitForMail } from '../support/mailbox';
import { SitePage } from '../pages/site';
import { APPEALS_RU, AppealWizard, PDF, PNG, TrackPage, docx, emailCode, uniqueEmail } from '../pages/appeals';

const STEPS = APPEALS_RU.steps;
const TEXT = 'Третий месяц не приходит пенсионная выплата. Прошу выяснить причину и восстановить выплату.';
const PERSON = { iin: '061211600012', surname: 'Сейітова', given: 'Әсел', patronymic: 'Нұрланқызы' };

test('an individual files an appeal with a PDF and a PNG, confirms the email by its code, and follows it from the email', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const wizard = new AppealWizard(page);
  const email = uniqueEmail('individual');
  await wizard.open();
  await expectNoAxeViolations(page, 'step 1');
  await expect(page.getByText('По закону анонимные обращения не рассматриваются')).toBeVisible();
  await page.getByLabel('Физическое лицо', { exact: true }).check();
  await wizard.next(STEPS.identity);
  await expect(page).toHaveURL(/\/ru\/appeals\/new\?step=identity$/);
  await expectNoAxeViolations(page, 'step 2');
  await wizard.person(PERSON);
  await wizard.next(STEPS.contacts);
  await expectNoAxeViolations(page, 'step 3');
  await wizard.contacts(email);
  await wizard.field('Почтовый адрес (необязательно)').fill('010000, Астана, ул. Бейбітшілік, 10');
  await expectNoAxeViolations(page, 'step 3 with the code sent');
  await wizard.next(STEPS.type);
  await expectNoAxeViolations(page, 'step 4');
  await page.getByLabel('Заявление', { exact: true }).check();
  await wizard.next(STEPS.body);
  await expectNoAxeViolations(page, 'step 5');
  await wizard.body('Пенсионное обеспечение');
  await expect(page.getByLabel('Русский', { exact: true })).toBeChecked();
  await wizard.next(STEPS.text);
  await wizard.text().fill(TEXT);
  await wizard.files().setInputFiles([
    { name: 'spravka.pdf', mimeType: 'application/pdf', buffer: PDF },
    { name: 'photo.png', mimeType: 'image/png', buffer: PNG },
  ]);
  await expect(page.getByRole('main').getByText('Прикреплено файлов: 2 из 5')).toBeVisible();
  await expectNoAxeViolations(page, 'step 6 with two files');

  // "Back" and the browser's back button lose nothing, not even the files.
  await wizard.back().click();
  await wizard.expectStep(STEPS.body);
  await expect(wizard.field('Тема обращения')).toHaveValue(/\d+/);
  await page.goBack();
  await wizard.expectStep(STEPS.text);
  await expect(wizard.text()).toHaveValue(TEXT);
  await expect(page.getByRole('main').getByText('Прикреплено файлов: 2 из 5')).toBeVisible();

  await wizard.next(STEPS.check);
  await expect(page.getByText('spravka.pdf')).toBeVisible();
  await expect(page.getByText('061211600012')).toBeVisible();
  await expect(page.getByText('Сейітова Әсел Нұрланқызы')).toBeVisible();
  await expectNoAxeViolations(page, 'step 7');
  await wizard.consent().check();
  await wizard.sendButton().click();

  const number = await wizard.receiptNumber('ЖТ');
  await expect(wizard.heading()).toBeFocused();
  const deadline = await wizard.fact('Срок рассмотрения').innerText();
  expect(deadline).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  await expect(wizard.fact('Дата и время регистрации')).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
  const code = await wizard.fact('Код для отслеживания').innerText();
  expect(code).toMatch(/^[A-Z2-9]{10}$/);
  await expect(page.getByText('15 рабочих дней')).toBeVisible();
  await expectNoAxeViolations(page, 'the receipt');

  const mail = await waitForMail(email, `Ваше обращение зарегистрировано: ${number}`);
  expect(mail.text).toContain(number);
  expect(mail.text).toContain(`до ${deadline}`);
  expect(mail.text).toContain(code);
  await page.goto(linkIn(mail, '/appeals/track#'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Обращение ${number}`);
  await expect(wizard.fact('Статус')).not.toBeEmpty();
  await expect(wizard.fact('Срок рассмотрения')).toHaveText(deadline);
  await expect(page.getByText(TEXT)).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать «spravka.pdf»' }).click();
  expect((await download).suggestedFilename()).toBe('spravka.pdf');
  await expectNoAxeViolations(page, 'the tracking page');

  // A wrong code and a guessed number get one and the same answer.
  const track = new TrackPage(page);
  await track.open();
  await track.lookUp(number, 'ABCDEFGH23');
  await expect(track.refusal()).toHaveText(APPEALS_RU.notFound);
  await expect(track.refusal()).toBeVisible();
  const guessed = number.replace(/\d{8}$/, '99999999');
  const answer = page.waitForResponse('**/api/v1/appeals/track');
  await track.lookUp(guessed, code);
  expect((await answer).status()).toBe(404);
  await expect(track.refusal()).toHaveText(APPEALS_RU.notFound);
  await expect(page.getByLabel('Регистрационный номер', { exact: true })).toHaveValue(guessed);
  await expectNoAxeViolations(page, 'the refusal');
});

test('a legal entity is refused a wrong BIN and IIN with clear errors, files its appeal, and finds it in "my appeals" by a one-time link', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const wizard = new AppealWizard(page);
  const email = uniqueEmail('legal');
  await wizard.open();
  await page.getByLabel('Юридическое лицо', { exact: true }).check();
  await wizard.next(STEPS.identity);
  await wizard.field('БИН').fill('061211600013');
  await wizard.field('Название организации').fill('ТОО «Дала Агро»');
  await wizard.person({ ...PERSON, iin: '061211600013' });
  await wizard.continueButton().click();

  await expect(wizard.errorSummary()).toBeFocused();
  await expect(page).toHaveTitle(/^Ошибка: /);
  await expect(wizard.errorSummary().getByRole('link')).toHaveText([APPEALS_RU.problem.bin, APPEALS_RU.problem.iin]);
  await expect(wizard.field('БИН')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'the identity step with errors');
  await wizard.errorSummary().getByRole('link', { name: APPEALS_RU.problem.iin }).click();
  await expect(wizard.field('ИИН')).toBeFocused();
  await expect(wizard.field('Название организации')).toHaveValue('ТОО «Дала Агро»');
  await wizard.field('ИИН').fill(PERSON.iin);
  await wizard.field('БИН').fill('061211600012');
  await wizard.next(STEPS.contacts);
  await expect(page).not.toHaveTitle(/^Ошибка: /);

  await wizard.contacts(email);
  await wizard.next(STEPS.type);
  await page.getByLabel('Предложение', { exact: true }).check();
  await wizard.next(STEPS.body);
  await wizard.body('Пенсионное обеспечение');
  await page.getByLabel('Қазақша', { exact: true }).check();
  await wizard.next(STEPS.text);
  await wizard.text().fill('Предлагаем принимать справки о стаже от работодателей в электронном виде через портал.');
  await wizard.files().setInputFiles([
    {
      name: 'predlozhenie.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx('Предложение ТОО «Дала Агро»'),
    },
  ]);
  await expect(page.getByRole('main').getByText('Прикреплено файлов: 1 из 5')).toBeVisible();
  await wizard.next(STEPS.check);
  await expect(page.getByText('ТОО «Дала Агро»')).toBeVisible();
  await expect(page.getByText('predlozhenie.docx')).toBeVisible();
  await wizard.consent().check();
  await wizard.sendButton().click();
  const number = await wizard.receiptNumber('ЗТ');

  // "My appeals": a one-time link by email opens the list.
  await page.goto('/ru/appeals/my');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(APPEALS_RU.my);
  await expectNoAxeViolations(page, 'my appeals: the email form');
  await page.getByLabel('Электронная почта', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Отправить ссылку' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(APPEALS_RU.mySent);
  await expect(page.getByText('работает один раз и только в течение 24 часов')).toBeVisible();
  const mail = await waitForMail(email, '«Мои обращения»');
  const link = linkIn(mail, '/appeals/my#');
  await page.goto(link);
  const row = page.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('Предложение');
  await expect(row).toContainText('Министерство труда');
  await expectNoAxeViolations(page, 'my appeals: the list');
  await row.getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Обращение ${number}`);
  await expect(page.getByText('Предлагаем принимать справки')).toBeVisible();
  await expect(page.getByText('predlozhenie.docx')).toBeVisible();

  // The link works once.
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(link);
  await expect(page.getByRole('alert')).toHaveText('Эта ссылка уже использована или устарела. Запросите новую.');
});

test('an oversized file and a disguised file are refused with errors naming them, and nothing typed is lost', async ({ page }) => {
  test.setTimeout(120_000);
  const wizard = new AppealWizard(page);
  await wizard.open();
  await page.getByLabel('Физическое лицо', { exact: true }).check();
  await wizard.next(STEPS.identity);
  await wizard.person(PERSON);
  await wizard.next(STEPS.contacts);
  await wizard.contacts(uniqueEmail('files'));
  await wizard.next(STEPS.type);
  await page.getByLabel('Жалоба', { exact: true }).check();
  await wizard.next(STEPS.body);
  await wizard.body('Пенсионное обеспечение');
  await wizard.next(STEPS.text);
  await wizard.text().fill(TEXT);

  // The browser refuses a file over 10 MB at once, by name.
  await wizard.files().setInputFiles({
    name: 'skan-bolshoy.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
  });
  await expect(page.getByRole('main').getByText('«skan-bolshoy.pdf»: файл больше 10 МБ, он не добавлен. Выберите файл поменьше.')).toBeVisible();
  await expect(page.getByRole('main').getByText('Файлы не прикреплены.')).toBeVisible();
  await expect(wizard.text()).toHaveValue(TEXT);
  await expectNoAxeViolations(page, 'a refused large file');

  // A text file named .pdf passes the browser; the server reads its content and refuses it.
  await wizard.files().setInputFiles([
    { name: 'photo.png', mimeType: 'image/png', buffer: PNG },
    { name: 'zayavlenie.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Это просто текст, а не PDF.') },
  ]);
  await expect(page.getByRole('main').getByText('Прикреплено файлов: 2 из 5')).toBeVisible();
  await wizard.next(STEPS.check);
  await wizard.consent().check();
  await wizard.sendButton().click();

  await wizard.expectStep(STEPS.text);
  await expect(wizard.errorSummary()).toBeFocused();
  await expect(wizard.errorSummary().getByRole('link')).toHaveText([APPEALS_RU.problem.fileType]);
  await expect(page.locator('.file-list li').nth(1)).toContainText(`«zayavlenie.pdf»: ${APPEALS_RU.problem.fileType}`);
  await expect(wizard.text()).toHaveValue(TEXT);
  await expectNoAxeViolations(page, 'a refused disguised file');
  await page.getByRole('button', { name: 'Удалить «zayavlenie.pdf»' }).click();
  await expect(page.getByRole('main').getByText('Прикреплено файлов: 1 из 5')).toBeVisible();
  await expect(wizard.errorSummary()).toHaveCount(0);

  // Every earlier step still holds what was typed.
  await page.goto('/ru/appeals/new?step=identity');
  await expect(wizard.field('ИИН')).toHaveValue(PERSON.iin);
  await expect(wizard.field('Фамилия')).toHaveValue(PERSON.surname);
});

test('a citizen files an appeal with the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  const wizard = new AppealWizard(page);
  const email = uniqueEmail('keyboard');
  const kb = page.keyboard;
  await wizard.open();

  const individual = page.getByLabel('Физическое лицо', { exact: true });
  await individual.focus();
  await kb.press('Space');
  await expect(individual).toBeChecked();
  await kb.press('Tab');
  await expect(wizard.continueButton()).toBeFocused();
  await kb.press('Enter');

  await wizard.expectStep(STEPS.identity);
  await expect(wizard.heading()).toBeFocused();
  await kb.press('Tab');
  await expect(wizard.field('ИИН')).toBeFocused();
  await kb.type(PERSON.iin);
  await kb.press('Tab');
  await kb.type(PERSON.surname);
  await kb.press('Tab');
  await kb.type(PERSON.given);
  await kb.press('Tab');
  await expect(wizard.field('Отчество (если есть)')).toBeFocused();
  await kb.press('Tab');
  await expect(wizard.continueButton()).toBeFocused();
  await kb.press('Enter');

  await wizard.expectStep(STEPS.contacts);
  await expect(wizard.heading()).toBeFocused();
  await kb.press('Tab');
  await expect(wizard.field('Электронная почта')).toBeFocused();
  await kb.type(email);
  await kb.press('Tab');
  await expect(page.getByRole('button', { name: 'Отправить код' })).toBeFocused();
  await kb.press('Enter');
  await expect(page.getByText('Код отправлен на адрес')).toBeVisible();
  await kb.press('Tab');
  await expect(wizard.field('Код из письма')).toBeFocused();
  await kb.type(await emailCode(email));
  await kb.press('Tab');
  await kb.type('+7 701 000 11 22');
  await kb.press('Tab');
  await expect(wizard.field('Почтовый адрес (необязательно)')).toBeFocused();
  await kb.press('Tab');
  await kb.press('Enter');

  await wizard.expectStep(STEPS.type);
  await kb.press('Tab');
  await expect(page.getByLabel('Заявление', { exact: true })).toBeFocused();
  await kb.press('ArrowDown');
  await expect(page.getByLabel('Жалоба', { exact: true })).toBeChecked();
  await kb.press('Tab');
  await expect(wizard.field('Регистрационный номер прежнего обращения (если есть)')).toBeFocused();
  await kb.press('Tab');
  await kb.press('Enter');

  await wizard.expectStep(STEPS.body);
  await kb.press('Tab');
  await expect(wizard.field('Государственный орган')).toBeFocused();
  // The bodies arrive after the step.
  await expect(wizard.field('Государственный орган').locator('option')).not.toHaveCount(1);
  // Arrow keys move through a closed list (typed Cyrillic letters reach it as text, not keys).
  const body = wizard.field('Государственный орган');
  for (let i = 0; i < 6 && (await body.inputValue()) !== 'enbek'; i++) await kb.press('ArrowDown');
  await expect(body).toHaveValue('enbek');
  await kb.press('Tab');
  const topic = wizard.field('Тема обращения');
  await expect(topic.locator('option', { hasText: 'Пенсионное обеспечение' })).toHaveCount(1);
  await expect(topic).toBeFocused();
  await kb.press('ArrowDown');
  await expect(topic).not.toHaveValue('');
  await kb.press('Tab');
  await expect(page.getByLabel('Русский', { exact: true })).toBeFocused();
  await kb.press('Tab');
  await kb.press('Enter');

  await wizard.expectStep(STEPS.text);
  await kb.press('Tab');
  await expect(wizard.text()).toBeFocused();
  await kb.type(TEXT);
  await kb.press('Tab');
  await expect(wizard.files()).toBeFocused();
  await kb.press('Tab');
  await expect(wizard.continueButton()).toBeFocused();
  await kb.press('Enter');

  await wizard.expectStep(STEPS.check);
  for (let i = 0; i < 30 && !(await wizard.consent().evaluate((e) => e === document.activeElement)); i++) {
    await kb.press('Tab');
  }
  await expect(wizard.consent()).toBeFocused();
  await kb.press('Space');
  await kb.press('Tab');
  await expect(wizard.sendButton()).toBeFocused();
  await kb.press('Enter');
  await wizard.receiptNumber('ЖТ');
  await expect(wizard.heading()).toBeFocused();
});

test('every step of the wizard, the tracking page and "my appeals" pass axe in the version for the visually impaired', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const site = new SitePage(page, 'ru');
  await site.open('/ru/appeals');
  await expect(page.getByRole('link', { name: 'Подать обращение' })).toBeVisible();
  await site.specialVersionSwitch().click();
  for (const step of ['who', 'identity', 'contacts', 'type', 'body', 'text', 'check']) {
    await site.open(`/ru/appeals/new?step=${step}`);
    await expect(page.locator('html')).toHaveAttribute('data-a11y', 'on');
    await page.getByRole('button', { name: /Продолжить|Отправить обращение/ }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expectNoAxeViolations(page, `step ${step} with errors, special version`);
  }
  for (const route of ['/ru/appeals/track', '/ru/appeals/my']) {
    await site.open(route);
    await expectNoAxeViolations(page, `${route}, special version`);
  }
});
