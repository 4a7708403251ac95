import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { RU, StaffSession, staffEmail } from '../pages/office';
import { AskPage } from '../pages/ask';
import { EDITOR_PAGES, EDITOR_RU, EditorPage, astanaDate, scheduledFor } from '../pages/editor';
import type { Lang } from '../pages/site';

const unique = (): string => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** Opens a public page of the body and waits until it has loaded. */
async function openPublic(page: EditorPage['page'], path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('main').getByText(/^(Загрузка|Жүктелуде|Loading)…$/)).toHaveCount(0);
}

test('the head writes a post in Kazakh and Russian, publishes it, and the public blog shows it in each language', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'), '/enbek/blog/new');
  const editor = new EditorPage(head.page);
  await expect(editor.heading()).toHaveText(EDITOR_RU.newPost);
  await editor.loaded();
  const id = unique();
  const kk = `Зейнетақы туралы жаңалық ${id}`;
  const ru = `Новости о пенсиях ${id}`;
  await editor.writePost('kk', kk, '<p>Зейнетақы жүйесіндегі <strong>өзгерістер</strong> туралы.</p>');
  await editor.writePost('ru', ru, '<p>Об <strong>изменениях</strong> в пенсионной системе.</p>');
  await head.page.getByLabel(EDITOR_RU.publishNow, { exact: true }).check();
  await editor.saveNewPost();
  await expect(editor.outcome('post-outcome')).toBeFocused();
  // What was saved comes back from the server.
  await expect(editor.langField('kk', EDITOR_RU.title)).toHaveValue(kk);
  await expect(editor.langField('ru', EDITOR_RU.title)).toHaveValue(ru);
  await expectNoAxeViolations(head.page, 'a saved post');

  // The list shows it published, with its languages.
  await editor.open('blog');
  const row = editor.postRow(ru);
  await expect(row).toContainText('Қазақша, Русский');
  await expect(row).toContainText(/Опубликована \d\d\.\d\d\.\d{4}/);

  for (const [lang, title] of [['ru', ru], ['kk', kk]] as [Lang, string][]) {
    await openPublic(head.page, `/${lang}/bodies/enbek/blog`);
    await expect(head.page.getByRole('main').getByText(title, { exact: true })).toBeVisible();
  }
  await head.close();
});

test('a post scheduled for tomorrow waits in the office and is not on the public blog', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'), '/enbek/blog/new');
  const editor = new EditorPage(head.page);
  await editor.loaded();
  const title = `Завтрашняя запись ${unique()}`;
  await editor.writePost('kk', `Ертеңгі жазба ${unique()}`, '<p>Ертең жарияланады.</p>');
  await editor.writePost('ru', title, '<p>Будет опубликована завтра.</p>');
  await head.page.getByLabel(EDITOR_RU.schedule, { exact: true }).check();
  const day = astanaDate(1);
  await head.page.getByLabel(EDITOR_RU.date, { exact: true }).fill(day);
  await head.page.getByLabel(EDITOR_RU.time, { exact: true }).fill('10:00');
  const postId = await editor.saveNewPost();

  await editor.open('blog');
  await expect(editor.postRow(title)).toContainText(scheduledFor(day, '10:00'));

  // Not public yet: neither in the blog's list nor on its own page.
  const list = await head.page.request.get('/api/v1/bodies/enbek/blog?lang=ru&limit=50');
  expect(list.status()).toBe(200);
  expect((await list.json()).items.map((p: { id: number }) => p.id)).not.toContain(postId);
  expect((await head.page.request.get(`/api/v1/blog/${postId}?lang=ru`)).status()).toBe(404);
  await openPublic(head.page, '/ru/bodies/enbek/blog');
  await expect(head.page.getByRole('main').getByText(title)).toHaveCount(0);

  // Deleting asks first; "Cancel" keeps the post.
  await editor.open(`blog/${postId}`);
  await head.page.getByRole('button', { name: `Удалить: ${title}` }).click();
  const confirm = head.page.getByRole('group', { name: 'Удалить' });
  await expect(confirm).toContainText(`Удалить «${title}»? Это действие нельзя отменить.`);
  await expect(confirm.getByRole('button', { name: 'Да, удалить' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Отмена' }).click();
  await expect(head.page.getByRole('button', { name: `Удалить: ${title}` })).toBeFocused();
  await head.page.getByRole('button', { name: `Удалить: ${title}` }).click();
  await head.page.getByRole('button', { name: 'Да, удалить' }).click();
  await expect(editor.heading()).toHaveText(EDITOR_RU.titles.blog);
  await expect(editor.outcome('posts-outcome')).toHaveText('Запись удалена.');
  await expect(editor.outcome('posts-outcome')).toBeFocused();
  await expect(editor.postRow(title)).toHaveCount(0);
  await head.close();
});

test('a post without a Kazakh title shows the error summary, links to the field and keeps what was typed', async ({ browser, baseURL }) => {
  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'), '/enbek/blog/new');
  const editor = new EditorPage(head.page);
  await editor.loaded();
  const kkText = '<p>Тақырыбы жоқ мәтін.</p>';
  await editor.langField('kk', EDITOR_RU.text).fill(kkText);
  await editor.writePost('ru', 'Запись без казахского заголовка', '<p>Текст.</p>');
  await editor.saveButton().click();

  const summary = editor.errorSummary();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Заголовок на казахском: заполните поле.']);
  await expect(head.page).toHaveTitle(/^Ошибка: /);
  // Nothing was sent: the address is still the new post's.
  await expect(head.page).toHaveURL(/\/blog\/new$/);
  await expect(editor.langField('kk', EDITOR_RU.text)).toHaveValue(kkText);
  await expect(editor.langField('ru', EDITOR_RU.title)).toHaveValue('Запись без казахского заголовка');
  const kkTitle = editor.langField('kk', EDITOR_RU.title);
  await expect(kkTitle).toHaveAttribute('aria-invalid', 'true');
  await expect(kkTitle).toHaveAccessibleDescription(/Заголовок на казахском: заполните поле\./);
  await summary.getByRole('link').click();
  await expect(kkTitle).toBeFocused();
  await expectNoAxeViolations(head.page, 'a post with errors');
  await head.close();
});

/** A 1×1 PNG: a real image the server accepts by its content. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

test('a cover image is checked by the server, previewed, and needs a description in each language of the post', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'), '/enbek/blog/new');
  const editor = new EditorPage(head.page);
  await editor.loaded();
  const title = `Черновик с обложкой ${unique()}`;
  await editor.writePost('kk', `Мұқабасы бар жоба ${unique()}`, '<p>Мәтін.</p>');
  await editor.writePost('ru', title, '<p>Текст.</p>');
  const cover = head.page.getByLabel('Обложка', { exact: true });

  // A file that calls itself a PNG but is not one: the server says so, next to the field.
  await cover.setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await expect(editor.errorSummary().getByRole('link')).toHaveText(['Изображение: выберите изображение PNG или JPEG.']);
  await expect(cover).toHaveAccessibleDescription(/Изображение: выберите изображение PNG или JPEG\./);
  await expect(editor.langField('ru', EDITOR_RU.title)).toHaveValue(title);

  await cover.setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: PNG });
  const preview = head.page.getByRole('img', { name: 'Предпросмотр выбранного изображения' });
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('src', /^\/api\/v1\/media\/\d+$/);
  await expect(editor.errorSummary()).toHaveCount(0);

  // The description is needed in Kazakh and Russian, the languages the post has.
  await editor.saveButton().click();
  await expect(editor.errorSummary().getByRole('link')).toHaveText([
    'Описание изображения на казахском: заполните поле.',
    'Описание изображения на русском: заполните поле.',
  ]);
  await editor.langField('kk', 'Описание изображения').fill('Министрлік ғимараты');
  await editor.langField('ru', 'Описание изображения').fill('Здание министерства');
  await expect(head.page.getByRole('img', { name: 'Здание министерства' })).toBeVisible();
  await editor.saveNewPost();
  await expect(head.page.getByRole('img', { name: 'Здание министерства' })).toHaveAttribute('src', /^\/api\/v1\/media\/\d+$/);
  await expect(editor.langField('kk', 'Описание изображения')).toHaveValue('Министрлік ғимараты');
  await expectNoAxeViolations(head.page, 'a post with a cover');

  // Removed and saved, the post has no cover any more.
  await head.page.getByRole('button', { name: 'Убрать изображение' }).click();
  await expect(cover).toBeFocused();
  await editor.saveButton().click();
  await expect(editor.outcome('post-outcome')).toHaveText(EDITOR_RU.saved);
  await head.page.reload();
  await editor.loaded();
  await expect(editor.langField('ru', EDITOR_RU.title)).toHaveValue(title);
  await expect(head.page.getByRole('img', { name: 'Здание министерства' })).toHaveCount(0);
  await head.close();
});

test('the head\'s profile needs a name in Kazakh and keeps what was typed', async ({ browser, baseURL }) => {
  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'), '/enbek/profile');
  const editor = new EditorPage(head.page);
  await editor.loaded();
  const name = editor.langField('kk', 'Фамилия, имя, отчество');
  await expect(name).not.toHaveValue('');
  await name.fill('');
  const biography = editor.langField('ru', 'Биография');
  await biography.fill('Новый абзац биографии.');
  await editor.saveButton().click();
  await expect(editor.errorSummary().getByRole('link')).toHaveText(['Фамилия, имя, отчество на казахском: заполните поле.']);
  await expect(biography).toHaveValue('Новый абзац биографии.');
  await expectNoAxeViolations(head.page, 'the profile with an error');
  await head.close();
});

test('the moderator adds an FAQ entry after correcting it, and the public FAQ shows it', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'), '/enbek/faq');
  const editor = new EditorPage(moderator.page);
  await editor.loaded();
  const form = editor.region(EDITOR_RU.faqAdd);
  const id = unique();
  const ru = `Как получить справку о стаже? ${id}`;
  const kk = `Еңбек өтілі туралы анықтаманы қалай алуға болады? ${id}`;
  await editor.langField('ru', EDITOR_RU.question, form).fill(ru);
  await editor.langField('ru', EDITOR_RU.answer, form).fill('<p>Через портал eGov.kz.</p>');
  await editor.saveButton(form).click();

  const summary = editor.errorSummary(form);
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Вопрос на казахском: заполните поле.', 'Ответ на казахском: заполните поле.']);
  await expect(editor.langField('ru', EDITOR_RU.question, form)).toHaveValue(ru);

  await editor.langField('kk', EDITOR_RU.question, form).fill(kk);
  await editor.langField('kk', EDITOR_RU.answer, form).fill('<p>eGov.kz порталы арқылы.</p>');
  await editor.saveButton(form).click();
  await expect(editor.outcome('faq-outcome')).toHaveText(`Сохранено: «${ru}»`);
  await expect(editor.outcome('faq-outcome')).toBeFocused();
  await expect(editor.errorSummary(form)).toHaveCount(0);
  // The form is empty for the next entry, and the list has this one.
  await expect(editor.langField('ru', EDITOR_RU.question, form)).toHaveValue('');
  await expect(editor.region('Вопросы и ответы').getByText(ru, { exact: true })).toBeVisible();
  await expectNoAxeViolations(moderator.page, 'the FAQ editor');

  // Edit fills the form with the entry; saving changes it.
  await moderator.page.getByRole('button', { name: `Изменить: ${ru}`, exact: true }).click();
  const editing = editor.region('Изменить вопрос');
  await expect(editing.getByRole('heading', { name: 'Изменить вопрос' })).toBeFocused();
  await expect(editor.langField('kk', EDITOR_RU.question, editing)).toHaveValue(kk);
  const changed = `${ru} (уточнено)`;
  await editor.langField('ru', EDITOR_RU.question, editing).fill(changed);
  await editor.saveButton(editing).click();
  await expect(editor.outcome('faq-outcome')).toHaveText(`Сохранено: «${changed}»`);
  await expect(editor.region('Вопросы и ответы').getByText(changed, { exact: true })).toBeVisible();

  for (const [lang, question] of [['ru', changed], ['kk', kk]] as [Lang, string][]) {
    await openPublic(moderator.page, `/${lang}/bodies/enbek/faq`);
    await expect(moderator.page.getByRole('main').getByText(question, { exact: true })).toBeVisible();
  }
  await moderator.close();
});

test('the moderator adds a reception session, and the public schedule shows it', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'), '/enbek/schedule');
  const editor = new EditorPage(moderator.page);
  await editor.loaded();
  const form = editor.region(EDITOR_RU.slotAdd);
  const official = `Ахметов Серик ${unique()}`;
  for (const lang of ['kk', 'ru'] as Lang[]) {
    await editor.langField(lang, EDITOR_RU.official, form).fill(official);
    await editor.langField(lang, EDITOR_RU.position, form).fill('Вице-министр');
    await editor.langField(lang, EDITOR_RU.place, form).fill(lang === 'kk' ? 'Астана, Мәңгілік Ел 8, 301 кабинет' : 'Астана, Мангилик Ел 8, кабинет 301');
  }
  const day = astanaDate(2);
  await form.getByLabel(EDITOR_RU.date, { exact: true }).fill(day);
  await form.getByLabel(EDITOR_RU.time, { exact: true }).fill('11:30');
  await form.getByLabel(EDITOR_RU.minutes, { exact: true }).fill('45');
  await form.getByLabel(EDITOR_RU.capacity, { exact: true }).fill('5');
  await editor.saveButton(form).click();
  const shown = `${day.split('-').reverse().join('.')}, 11:30`;
  await expect(editor.outcome('schedule-outcome')).toHaveText(`Приём сохранён: ${shown}, ${official}`);
  const row = editor.region(EDITOR_RU.upcoming).getByRole('row').filter({ hasText: official });
  await expect(row).toContainText(shown);
  await expect(row).toContainText('0 из 5');
  await expectNoAxeViolations(moderator.page, 'the schedule editor');

  await openPublic(moderator.page, '/ru/bodies/enbek/schedule');
  await expect(moderator.page.getByRole('main').getByText(official, { exact: true })).toBeVisible();

  // A citizen asks for the session; from then on it cannot be deleted.
  const slots: Array<{ id: number; official: { ru: string } }> = await (await moderator.page.request.get('/api/v1/bodies/enbek/schedule')).json();
  const slot = slots.find((s) => s.official.ru === official);
  expect(slot, 'the new session in the public schedule').toBeTruthy();
  const ask = new AskPage(moderator.page);
  await moderator.page.goto(`/ru/questions/ask?body=enbek&channel=reception&slot=${slot!.id}`);
  await expect(ask.category().locator('option')).not.toHaveCount(1);
  await ask.category().selectOption({ index: 1 });
  await ask.name().fill('Гульнара Ахметова');
  await ask.email().fill(`reception-${unique()}@mail.kz`);
  await moderator.page.getByLabel('Что вы хотите обсудить').fill('Хочу обсудить начисление пособия по уходу за ребёнком.');
  await ask.consent().check();
  await ask.checkButton().click();
  await moderator.page.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(moderator.page.locator('.reference')).toBeVisible({ timeout: 20_000 });

  await editor.open('schedule');
  await expect(row).toContainText('1 из 5');
  await row.getByRole('button', { name: `Удалить: ${shown}, ${official}`, exact: true }).click();
  await row.getByRole('button', { name: 'Да, удалить' }).click();
  await expect(editor.outcome('schedule-outcome')).toHaveText('На этот приём уже есть заявки, поэтому его нельзя удалить.');
  await expect(editor.outcome('schedule-outcome')).toBeFocused();
  await expect(row).toBeVisible();
  await moderator.close();
});

test('an open dialogue link needs an https address', async ({ browser, baseURL }) => {
  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'), '/enbek/dialogue');
  const editor = new EditorPage(moderator.page);
  await editor.loaded();
  const form = editor.region(EDITOR_RU.linkAdd);
  const title = `Опрос о качестве услуг ${unique()}`;
  await form.getByLabel(EDITOR_RU.kind, { exact: true }).selectOption({ label: 'Опрос' });
  await editor.langField('kk', EDITOR_RU.title, form).fill(`Қызмет сапасы туралы сауалнама ${unique()}`);
  await editor.langField('ru', EDITOR_RU.title, form).fill(title);
  await form.getByLabel(EDITOR_RU.url, { exact: true }).fill('http://dialog.egov.kz/polls/1');
  await editor.saveButton(form).click();
  await expect(editor.errorSummary(form).getByRole('link')).toHaveText(['Адрес: введите полный адрес, начинающийся с https://']);
  await form.getByLabel(EDITOR_RU.url, { exact: true }).fill('https://dialog.egov.kz/polls/1');
  await editor.saveButton(form).click();
  await expect(editor.outcome('dialogue-outcome')).toHaveText(`Сохранено: «${title}»`);
  await expect(editor.region('Ссылки').getByText(title, { exact: true })).toBeVisible();
  await moderator.close();
});

test('an executor is refused the editor', async ({ browser, baseURL }) => {
  const executor = await StaffSession.signIn(browser, baseURL, staffEmail('executor', 'enbek'), '/enbek/blog');
  const editor = new EditorPage(executor.page);
  await expect(editor.heading()).toHaveText(EDITOR_RU.titles.blog);
  await expect(executor.page.getByRole('alert')).toHaveText(RU.forbidden);
  await expect(executor.page.getByRole('link', { name: EDITOR_RU.newPost })).toHaveCount(0);
  await editor.open('faq');
  await expect(executor.page.getByRole('alert')).toHaveText(RU.forbidden);
  await expect(executor.page.getByRole('main').locator('form')).toHaveCount(0);
  // The server refuses too.
  expect((await executor.page.request.get('/api/v1/office/bodies/enbek/blog')).status()).toBe(403);
  await expectNoAxeViolations(executor.page, 'the editor refused');
  await executor.close();
});

test('the indicators count the posts published this year in each language', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  // A body no other test writes posts for, so the count moves only by this test's post.
  const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'minfin'), '/minfin/indicators');
  const editor = new EditorPage(head.page, 'minfin');
  await editor.loaded();
  const year = new Date(Date.now() + 5 * 3600_000).getUTCFullYear();
  const table = head.page.getByRole('table', { name: `Опубликованные записи и баллы по языкам за ${year} год` });
  const russian = table.getByRole('row').filter({ has: head.page.getByRole('rowheader', { name: 'Русский' }) });
  await expect(russian).toBeVisible();
  const before = Number(await russian.getByRole('cell').first().textContent());
  await expect(head.page.getByText('более 50 записей: 1,5 балла;')).toBeVisible();
  await expect(head.page.getByRole('heading', { name: `Вопросы руководителю за ${year} год` })).toBeVisible();
  // The answered share as the server counts it, with a warning in words under 90 %.
  const figures = await (await head.page.request.get(`/api/v1/office/bodies/minfin/indicators?year=${year}`)).json();
  await expect(head.page.locator('dl.facts')).toContainText(`Доля отвеченных${figures.answered_percent} %`);
  const warning = head.page.getByRole('note').filter({ hasText: 'Внимание: ответ получили менее 90 % вопросов руководителю.' });
  await expect(warning).toHaveCount(figures.below_threshold ? 1 : 0);
  if (!figures.below_threshold) await expect(head.page.getByText('Ответ получили не менее 90 % вопросов')).toBeVisible();

  await editor.open('blog/new');
  await editor.writePost('kk', `Қаржы жаңалықтары ${unique()}`, '<p>Мәтін.</p>');
  await editor.writePost('ru', `Новости финансов ${unique()}`, '<p>Текст.</p>');
  await head.page.getByLabel(EDITOR_RU.publishNow, { exact: true }).check();
  await editor.saveNewPost();

  await editor.open('indicators');
  await expect(russian.getByRole('cell').first()).toHaveText(String(before + 1));
  const points = before + 1 > 50 ? '1,5' : before + 1 > 25 ? '1' : before + 1 > 10 ? '0,5' : '0,3';
  await expect(russian.getByRole('cell').nth(1)).toHaveText(points);
  await head.close();
});

for (const lang of ['ru', 'kk'] as Lang[]) {
  test(`every editor page passes axe for the head in ${lang}`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const head = await StaffSession.signIn(browser, baseURL, staffEmail('head', 'enbek'), '/enbek/blog', lang);
    const editor = new EditorPage(head.page, 'enbek', lang);
    await editor.loaded();
    // A demo post's page too: its cover shows the image preview.
    const links = head.page.getByRole('table').getByRole('link');
    const first = (await links.count()) > 0 ? await links.first().getAttribute('href') : null;
    const pages = [...EDITOR_PAGES, ...(first ? [first.replace(`/${lang}/office/enbek/`, '') as `blog/${number}`] : [])];
    for (const part of pages) {
      await editor.open(part);
      await expect(head.page.getByRole('navigation', { name: { ru: 'Редактирование страниц органа', kk: 'Орган беттерін өңдеу', en: "Editing the body's pages" }[lang] })).toBeVisible();
      await expectNoAxeViolations(head.page, `/${lang}/office/enbek/${part}`);
    }
    await head.close();
  });
}
