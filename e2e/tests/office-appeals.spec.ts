import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { waitForMail } from '../support/mailbox';
import { BODIES } from '../pages/site';
import { OFFICE_TEXT, RU, StaffSession, executorName, staffEmail, type OfficePage } from '../pages/office';
import { APPEAL_RU, PDF, dayAfter, fileAppeal, shown, track } from '../pages/office-appeals';

const enbek = BODIES.enbek.ru;

/** The case's id, from the address of its page. */
const caseId = (office: OfficePage): string => {
  const id = /\/office\/cases\/(\d+)$/.exec(office.page.url())?.[1];
  expect(id, `a case page: ${office.page.url()}`).toBeTruthy();
  return id as string;
};

test('an appeal goes from registration through extension, a decision with a file and approval to the applicant; a repeat is refused to the earlier executor and left without consideration', async ({
  playwright,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const citizen = await playwright.request.newContext({ baseURL });
  const first = await fileAppeal(citizen, {
    body: 'enbek',
    type: 'complaint',
    text: 'Работодатель третий месяц не выплачивает заработную плату, прошу провести проверку и принять меры.',
  });

  // The moderator finds it among the body's appeals: registered already, with its number and deadline.
  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'));
  const office = moderator.office;
  await office.openTask(enbek, APPEAL_RU.appeals);
  await office.waitForList();
  await expect(office.caseRow(first.number)).toContainText(APPEAL_RU.appealBadge);
  await expectNoAxeViolations(moderator.page, 'the list of appeals');
  await office.openCase(first.number);
  const firstId = caseId(office);
  await expect(office.fact('Статус')).toHaveText(RU.status.received);
  await expect(office.fact('Вид обращения')).toHaveText('Жалоба');
  await expect(office.fact('Кто обращается')).toHaveText('Физическое лицо');
  await expect(office.fact('ИИН')).toContainText('0012');
  await expect(office.fact('ИИН')).not.toContainText('061211600012');
  await expect(office.fact('Телефон')).toContainText('701');
  await expect(office.fact('Срок ответа')).toContainText(shown(first.deadline));
  await expect(office.fact('Файлы заявителя').getByRole('link', { name: 'zayavlenie.pdf' })).toHaveAttribute('download', 'zayavlenie.pdf');
  // An appeal cannot be refused registration; it can be left without consideration instead.
  await expect(office.action(RU.rejectTitle)).toHaveCount(0);
  await expect(office.action(APPEAL_RU.leaveTitle)).toBeVisible();
  await expect(office.action(RU.redirectTitle)).toContainText('Перенаправить в компетентный орган не позднее');
  await expectNoAxeViolations(moderator.page, 'a received appeal');

  const register = office.action(RU.registerTitle);
  await register.getByLabel('Подразделение', { exact: true }).selectOption({ label: 'Департамент труда и социального партнёрства' });
  await register.getByLabel('Исполнитель', { exact: true }).selectOption({ label: executorName('enbek') });
  await register.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
  await expect(office.outcome()).toHaveText(APPEAL_RU.registered);
  await expect(office.outcome()).toBeFocused();
  await expect(office.fact('Статус')).toHaveText(RU.status.assigned);
  // Registration does not move the law's deadline.
  await expect(office.fact('Срок ответа')).toContainText(shown(first.deadline));
  await expectNoAxeViolations(moderator.page, 'an assigned appeal');

  // A repeated appeal: its earlier executor may not take it, and the server refuses them.
  const repeat = await fileAppeal(citizen, {
    body: 'enbek',
    type: 'complaint',
    text: 'Повторно обращаюсь: заработная плата так и не выплачена, прошу рассмотреть жалобу другим исполнителем.',
    earlier: first.number,
    // The earlier appeal must be the applicant's own: the same address.
    email: first.email,
  });
  await office.open('/enbek/cases?status=received&channel=appeal');
  await office.waitForList();
  await office.openCase(repeat.number);
  const repeatId = caseId(office);
  await expect(office.fact('Предыдущее обращение')).toContainText(first.number);
  await expect(office.fact('Предыдущее обращение').getByRole('note')).toHaveText(`${APPEAL_RU.earlierExecutor} ${executorName('enbek')}`);
  const registerRepeat = office.action(RU.registerTitle);
  await registerRepeat.getByLabel('Исполнитель', { exact: true }).selectOption({ label: executorName('enbek') });
  await registerRepeat.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
  const summary = office.errorSummary(registerRepeat);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([APPEAL_RU.problem.previousExecutor]);
  await expect(registerRepeat.getByLabel('Исполнитель', { exact: true })).toHaveAttribute('aria-describedby', /field-executor_id-error/);
  await expectNoAxeViolations(moderator.page, 'a repeated appeal refused to the earlier executor');
  await expect(office.fact('Статус')).toHaveText(RU.status.received);
  await moderator.close();

  // The head extends the first appeal: beyond two months is refused, the latest day is accepted.
  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'), `/cases/${firstId}`);
  await expect(head.office.heading()).toHaveText(`${OFFICE_TEXT.caseTitle.ru} ${first.number}`);
  const extend = head.office.action(APPEAL_RU.extendTitle);
  const newDeadline = extend.getByLabel('Новый срок рассмотрения', { exact: true });
  const max = await newDeadline.getAttribute('max');
  expect(max).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(head.office.fact('Срок можно продлить не позднее чем до')).toHaveText(shown(max as string));
  await expectNoAxeViolations(head.page, 'an assigned appeal with the extend and leave forms');
  await newDeadline.fill(dayAfter(max as string));
  await extend.getByLabel('Причина продления').fill('Нужна проверка трудовой инспекции на месте.');
  await extend.getByRole('button', { name: APPEAL_RU.extendButton }).click();
  const extendSummary = head.office.errorSummary(extend);
  await expect(extendSummary).toBeFocused();
  await expect(extendSummary.getByRole('link')).toHaveText([APPEAL_RU.problem.deadlineLate]);
  await expectNoAxeViolations(head.page, 'the extend form with a date beyond two months');
  await extendSummary.getByRole('link').click();
  await expect(newDeadline).toBeFocused();
  await newDeadline.fill(max as string);
  await extend.getByRole('button', { name: APPEAL_RU.extendButton }).click();
  await expect(head.office.outcome()).toHaveText(`${APPEAL_RU.extended} ${shown(max as string)}`);
  await expect(head.office.outcome()).toBeFocused();
  await expect(head.office.fact('Срок ответа')).toContainText(shown(max as string));
  await expect(head.office.fact('Продление срока')).toContainText('Нужна проверка трудовой инспекции на месте.');
  await expectNoAxeViolations(head.page, 'an extended appeal');
  const extendedMail = await waitForMail(first.email, `Срок рассмотрения обращения продлён: ${first.number}`);
  expect(extendedMail.text).toContain(shown(max as string));

  // The head leaves the repeat without consideration; the reason is required.
  await head.office.open(`/cases/${repeatId}`);
  await expect(head.office.action(RU.registerTitle)).toHaveCount(0);
  const leave = head.office.action(APPEAL_RU.leaveTitle);
  await leave.getByRole('button', { name: APPEAL_RU.leaveButton }).click();
  await expect(head.office.errorSummary(leave).getByRole('link')).toHaveText([APPEAL_RU.problem.reason]);
  await expectNoAxeViolations(head.page, 'the leave form without a reason');
  await leave.getByLabel('Причина', { exact: true }).fill('Повторное обращение без новых доводов.');
  await leave.getByRole('button', { name: APPEAL_RU.leaveButton }).click();
  await expect(head.office.outcome()).toHaveText(APPEAL_RU.left);
  await expect(head.office.outcome()).toBeFocused();
  await expect(head.office.fact('Статус')).toHaveText(APPEAL_RU.status.left);
  await expect(head.office.forms()).toHaveCount(0);
  await expectNoAxeViolations(head.page, 'an appeal left without consideration');
  const leftMail = await waitForMail(repeat.email, `Ваше обращение оставлено без рассмотрения: ${repeat.number}`);
  expect(leftMail.text).toContain('Повторное обращение без новых доводов.');

  // The executor answers with an outcome and a decision file.
  const executor = await StaffSession.signIn(browser, baseURL, staffEmail('executor', 'enbek'), `/cases/${firstId}`);
  const answer = executor.office.action(RU.answerTitle);
  await expect(executor.office.action(APPEAL_RU.extendTitle)).toHaveCount(0);
  await answer
    .getByLabel('Ответ', { exact: true })
    .fill('Проведена внеплановая проверка.\n\nРаботодателю выдано предписание выплатить задолженность в течение месяца.');
  const files = answer.getByRole('region', { name: APPEAL_RU.filesTitle });
  // Named .pdf, but not a PDF: the server knows by the content.
  await files.getByLabel('Файл', { exact: true }).setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
  await files.getByRole('button', { name: 'Прикрепить файл' }).click();
  await expect(executor.office.errorSummary(files).getByRole('link')).toHaveText([APPEAL_RU.problem.fileType]);
  await expectNoAxeViolations(executor.page, 'a decision file of the wrong type');
  await files.getByLabel('Файл', { exact: true }).setInputFiles({ name: 'reshenie.pdf', mimeType: 'application/pdf', buffer: PDF });
  await files.getByRole('button', { name: 'Прикрепить файл' }).click();
  await expect(files.getByRole('status')).toHaveText('Файл прикреплён: reshenie.pdf');
  await expect(files.getByRole('link', { name: 'reshenie.pdf' })).toBeVisible();
  await expect(executor.office.errorSummary(files)).toHaveCount(0);
  // The answer typed before the upload is still there.
  await expect(answer.getByLabel('Ответ', { exact: true })).toHaveValue(/внеплановая проверка/);

  await answer.getByRole('button', { name: 'Отправить на утверждение' }).click();
  await expect(executor.office.errorSummary(answer).getByRole('link')).toHaveText([APPEAL_RU.problem.outcome]);
  await expect(answer.getByRole('group', { name: /Результат рассмотрения/ })).toContainText(APPEAL_RU.problem.outcome);
  await expectNoAxeViolations(executor.page, 'the answer form without an outcome');

  await answer.getByLabel('Разъяснено').check();
  await answer.getByRole('button', { name: 'Отправить на утверждение' }).click();
  await expect(executor.office.outcome()).toHaveText(RU.answered);
  await expect(executor.office.fact('Статус')).toHaveText(RU.status.answered);
  await expectNoAxeViolations(executor.page, 'an answered appeal');
  await executor.close();

  // The head approves and sends: no public copy, the case closes and the applicant is emailed.
  await head.office.open(`/cases/${firstId}`);
  const send = head.office.action(APPEAL_RU.sendTitle);
  await expect(head.office.action(RU.publishTitle)).toHaveCount(0);
  await expect(send.getByRole('textbox')).toHaveCount(0);
  await expect(head.office.action(RU.returnTitle)).toBeVisible();
  await expectNoAxeViolations(head.page, 'an answered appeal waiting for approval');
  await send.getByRole('button', { name: APPEAL_RU.sendButton }).click();
  await expect(head.office.outcome()).toHaveText(APPEAL_RU.sent);
  await expect(head.office.outcome()).toBeFocused();
  await expect(head.office.fact('Статус')).toHaveText(APPEAL_RU.status.closed);
  await expect(head.office.fact('Результат рассмотрения')).toHaveText('Разъяснено');
  const decisionLink = head.office.fact('Файлы решения органа').getByRole('link', { name: 'reshenie.pdf' });
  await expect(decisionLink).toBeVisible();
  await expect(head.office.forms()).toHaveCount(0);
  await expectNoAxeViolations(head.page, 'a closed appeal');
  // The link downloads the file with the staff member's session.
  const download = await head.page.request.get((await decisionLink.getAttribute('href')) as string);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-disposition']).toMatch(/^attachment/);
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await head.close();
  await waitForMail(first.email, `Ответ на ваше обращение готов: ${first.number}`);

  // The applicant's tracking shows the outcome and both files.
  const tracked = await track(citizen, first);
  expect(tracked.status).toBe('closed');
  expect(tracked.outcome).toBe('explained');
  expect(tracked.deadline).toBe(max);
  expect(tracked.files.map((f: { name: string; from_body: boolean }) => [f.name, f.from_body])).toEqual(
    expect.arrayContaining([
      ['zayavlenie.pdf', false],
      ['reshenie.pdf', true],
    ]),
  );
  const left = await track(citizen, repeat);
  expect(left.status).toBe('left_without_consideration');
  await citizen.dispose();
});

test('a moderator redirects an appeal to the competent body: the number stays and the applicant is emailed', async ({
  playwright,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const citizen = await playwright.request.newContext({ baseURL });
  const filed = await fileAppeal(citizen, {
    body: 'enbek',
    type: 'request',
    text: 'Прошу сообщить, какие документы нужны для получения квоты на бесплатную операцию в областной больнице.',
  });
  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'), '/enbek/cases?status=received&channel=appeal');
  const office = moderator.office;
  await expect(office.heading()).toHaveText(APPEAL_RU.appeals);
  await office.waitForList();
  await office.openCase(filed.number);
  await expect(office.fact('Вид обращения')).toHaveText('Запрос');
  const redirect = office.action(RU.redirectTitle);
  await expect(redirect).toContainText(/Перенаправить в компетентный орган не позднее \d{2}\.\d{2}\.\d{4}/);
  await redirect.getByLabel('Компетентный орган').selectOption({ label: BODIES.dsm.ru });
  await redirect.getByRole('button', { name: 'Направить', exact: true }).click();
  await expect(office.outcome()).toHaveText(APPEAL_RU.redirected);
  await expect(office.outcome()).toBeFocused();
  await expect(office.heading()).toHaveText(`${OFFICE_TEXT.caseTitle.ru} ${filed.number}`);
  await expect(office.forms()).toHaveCount(0);
  await expectNoAxeViolations(moderator.page, 'a redirected appeal');
  await moderator.close();

  const mail = await waitForMail(filed.email, `Ваше обращение передано в другой государственный орган: ${filed.number}`);
  expect(mail.text).toContain(BODIES.dsm.ru);
  const tracked = await track(citizen, filed);
  expect(tracked.number).toBe(filed.number);
  expect(tracked.body.slug).toBe('dsm');
  await citizen.dispose();
});
