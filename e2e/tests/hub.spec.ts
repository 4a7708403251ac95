import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { AskPage } from '../pages/ask';
import { HUB_TEXT, HomePage, HubPage, SearchPage } from '../pages/hub';
import { BODIES, SitePage } from '../pages/site';

// A word of one demo question only (crates/server/demo/questions.json): an excavator operator
// at the Ekibastuz coal mine asking about an early pension.
const DEMO_WORD = 'экскаватор';
const DEMO_QUESTION = 'экскаваторшы';

test('the home filter finds a body by a Kazakh or a Russian fragment of its name, and says when none matches', async ({
  page,
}) => {
  const home = new HomePage(page, 'en');
  await home.openHome();
  await expect(home.bodyLinks()).toHaveCount(5);

  // Kazakh, on the English site.
  await home.filter().fill('қаржы');
  await expect(home.bodyLinks()).toHaveText([BODIES.minfin.en]);
  await expect(home.announcement(`${HUB_TEXT.filterCount.en}: 1`)).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Akimats' })).toHaveCount(0);

  // Russian, in capitals and with extra spaces.
  await home.filter().fill('  ГОРОДА   аст');
  await expect(home.bodyLinks()).toHaveText([BODIES.astana.en]);
  await expect(page.getByRole('region', { name: 'Ministries' })).toHaveCount(0);

  await home.filter().fill('министерство');
  await expect(home.bodyLinks()).toHaveCount(4);

  await home.filter().fill('жоқ-орган');
  await expect(home.bodyLinks()).toHaveCount(0);
  await expect(home.main().getByText(HUB_TEXT.filterEmpty.en)).toBeVisible();
  await expect(home.announcement(HUB_TEXT.filterEmpty.en)).toHaveCount(1);
  await expectNoAxeViolations(page, 'the home page with nothing matching');

  await home.filter().fill('');
  await expect(home.bodyLinks()).toHaveCount(5);
  await expectNoAxeViolations(page, 'the home page');
});

test('a search from the home page finds a published answer of any body and opens it', async ({ page }) => {
  const home = new HomePage(page, 'kk');
  await home.openHome();
  await home.search(DEMO_WORD);

  // The search page is the archive bundle's: a full load with the words in the address.
  await expect(page).toHaveURL(new RegExp(`/kk/search\\?q=${encodeURIComponent(DEMO_WORD)}$`));
  const search = new SearchPage(page, 'kk');
  await expect(search.heading()).toHaveText(HUB_TEXT.search.kk);
  await expect(page.getByRole('searchbox', { name: HUB_TEXT.search.kk })).toHaveValue(DEMO_WORD);
  const first = search.results().first();
  await expect(first).toContainText(DEMO_QUESTION);
  await expect(first).toContainText(BODIES.enbek.kk);
  await expect(page.getByRole('status').filter({ hasText: HUB_TEXT.found.kk })).toHaveCount(1);
  await expectNoAxeViolations(page, 'the search results');

  // The same words in another body's answers: nothing, and it says so.
  await page.getByLabel('Мемлекеттік орган').selectOption('dsm');
  await page.getByRole('button', { name: HUB_TEXT.find.kk }).click();
  await expect(page).toHaveURL(/body=dsm/);
  await expect(search.results()).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Ештеңе табылмады' })).toHaveCount(1);
  await expectNoAxeViolations(page, 'a search with nothing found');

  await page.goBack();
  await expect(search.results().first()).toContainText(DEMO_QUESTION);
  await search.results().first().getByRole('link').click();
  await expect(search.heading()).toHaveText(/^Сұрақ ЖТ-\d{4}-\d{8}$/);
  await expect(page.getByText(DEMO_QUESTION, { exact: false }).first()).toBeVisible();
});

test('"Show more" on the search page adds the next answers and moves focus to the first of them', async ({ page }) => {
  const search = new SearchPage(page, 'ru');
  await search.open('/ru/search?q=');
  await expect(search.results()).toHaveCount(20);
  await page.getByRole('button', { name: 'Показать ещё' }).click();
  await expect(search.results()).toHaveCount(40);
  await expect(search.results().nth(20).getByRole('link')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Добавлено ответов: 20' })).toHaveCount(1);
});

test("a body's hub shows the head with the photo, the latest answers and the latest posts", async ({ page, request }) => {
  const head = await (await request.get('/api/v1/bodies/minfin/head')).json();
  const answers = await (await request.get('/api/v1/bodies/minfin/questions?limit=3')).json();
  const posts = await (await request.get('/api/v1/bodies/minfin/blog?lang=ru&limit=3')).json();
  expect(answers.items).toHaveLength(3);
  expect(posts.items).toHaveLength(3);

  const hub = new HubPage(page, 'ru');
  await hub.open('/ru/bodies/minfin');
  await expect(hub.main().getByRole('img', { name: head.photo.alt.ru })).toBeVisible();
  await expect(hub.main().getByText(head.name.ru, { exact: true })).toBeVisible();
  await expect(hub.main().getByRole('link', { name: 'Перейти в блог руководителя' })).toHaveAttribute(
    'href',
    '/ru/bodies/minfin/blog',
  );

  const latestAnswers = hub.latestAnswers().getByRole('listitem');
  await expect(latestAnswers).toHaveCount(3);
  await expect(latestAnswers.first().getByRole('link')).toHaveText(answers.items[0].excerpt);
  await expect(hub.latestAnswers().getByRole('link', { name: HUB_TEXT.allAnswers.ru })).toHaveAttribute(
    'href',
    '/ru/bodies/minfin/questions',
  );

  const latestPosts = hub.latestPosts().getByRole('listitem');
  await expect(latestPosts.getByRole('link')).toHaveText(posts.items.map((p: { title: string }) => p.title));
  await expect(hub.latestPosts().getByRole('link', { name: HUB_TEXT.allPosts.ru })).toHaveAttribute(
    'href',
    '/ru/bodies/minfin/blog',
  );
  await expectNoAxeViolations(page, "a body's hub");

  // A post opens on the sections bundle's page.
  await latestPosts.first().getByRole('link').click();
  await expect(hub.heading()).toHaveText(posts.items[0].title);
});

const SECTION_PAGES = [
  { name: 'Электронные обращения', url: /\/ru\/appeals\/new$/, heading: 'Кто подаёт обращение' },
  { name: 'Вопрос-ответ', url: /\/ru\/bodies\/edu\/questions$/, heading: 'Вопросы и ответы' },
  { name: 'График приёма граждан', url: /\/ru\/bodies\/edu\/schedule$/, heading: 'График приёма граждан' },
  { name: 'Открытый диалог', url: /\/ru\/bodies\/edu\/dialogue$/, heading: 'Открытый диалог' },
  { name: 'Блог руководителя', url: /\/ru\/bodies\/edu\/blog$/, heading: 'Блог руководителя' },
  { name: 'Часто задаваемые вопросы', url: /\/ru\/bodies\/edu\/faq$/, heading: 'Часто задаваемые вопросы' },
];

test("from the home page each of a body's six sections is at most three clicks away", async ({ page }) => {
  const home = new HomePage(page, 'ru');
  for (const section of SECTION_PAGES) {
    await home.openHome();
    let clicks = 0;
    await home.bodyLinks().filter({ hasText: BODIES.edu.ru }).click();
    clicks += 1;
    const hub = new HubPage(page, 'ru');
    await expect(hub.heading()).toHaveText(BODIES.edu.ru);
    await hub.sectionLink(section.name).click();
    clicks += 1;
    await expect(page, section.name).toHaveURL(section.url);
    await expect(hub.heading(), section.name).toHaveText(section.heading);
    expect(clicks, section.name).toBeLessThanOrEqual(3);
  }
  // The other way round, through a section: its list of bodies leads to the body's own page.
  for (const section of SECTION_PAGES.slice(2)) {
    await home.openHome();
    let clicks = 0;
    await home.sectionsNav().getByRole('link', { name: section.name }).click();
    clicks += 1;
    await expect(home.heading()).toHaveText(section.name);
    await expect(home.main().getByText('Онлайн-сервис этого раздела готовится')).toHaveCount(0);
    await home.bodyLinks().filter({ hasText: BODIES.edu.ru }).click();
    clicks += 1;
    await expect(page, section.name).toHaveURL(section.url);
    await expect(home.heading(), section.name).toHaveText(section.heading);
    expect(clicks, section.name).toBeLessThanOrEqual(3);
  }
});

test('a question to the head names the head, and the receipt leads to the blog', async ({ page, request }) => {
  const head = await (await request.get('/api/v1/bodies/enbek/head')).json();
  await page.goto('/ru/questions/ask?body=enbek&channel=blog');
  const site = new SitePage(page, 'ru');
  await expect(site.heading()).toHaveText('Вопрос руководителю');
  await expect(site.main().getByText(head.name.ru)).toBeVisible();
  await expect(site.main()).toContainText(head.position.ru);
  await expectNoAxeViolations(page, 'the question to the head');

  const ask = new AskPage(page);
  await expect(ask.category().locator('option')).not.toHaveCount(1);
  await ask.category().selectOption({ label: 'Пенсионное обеспечение' });
  await ask.name().fill('Айдос Бекетов');
  await ask.email().fill(`blog-${Date.now()}@mail.kz`);
  await ask.text().fill('Планируется ли упростить назначение пенсии тем, кто работал за рубежом до 1998 года?');
  await ask.consent().check();
  await ask.checkButton().click();
  await expect(site.main().getByText(head.name.ru)).toBeVisible();
  await ask.sendButton().click();
  await ask.sentNumber();
  await expect(site.main().getByRole('link', { name: 'Перейти в блог руководителя' })).toHaveAttribute(
    'href',
    '/ru/bodies/enbek/blog',
  );
  await expect(site.main()).toContainText('в блоге руководителя');
  await expectNoAxeViolations(page, 'the receipt of a question to the head');
});

test('a reception request shows its session, and explains a full or past one', async ({ page, request }) => {
  const slots: Array<{ id: number; official: { ru: string }; capacity: number; requested: number }> = await (
    await request.get('/api/v1/bodies/astana/schedule')
  ).json();
  const open = slots.find((s) => s.requested < s.capacity);
  expect(open, 'a session with free places in the demo schedule').toBeTruthy();
  const site = new SitePage(page, 'ru');
  const ask = new AskPage(page);

  await page.goto(`/ru/questions/ask?body=astana&channel=reception&slot=${open!.id}`);
  await expect(site.heading()).toHaveText('Запись на личный приём');
  const session = page.getByRole('region', { name: 'О приёме' });
  await expect(session).toContainText(open!.official.ru);
  await expect(session).toContainText('(время Астаны)');
  await expect(page.getByRole('group', { name: 'Как подписать вопрос при публикации' })).toHaveCount(0);
  await expect(page.getByLabel('Что вы хотите обсудить')).toBeVisible();
  await expectNoAxeViolations(page, 'the reception request form');

  // The server refuses: the session filled up meanwhile. The form says so and keeps the text.
  await page.route('**/api/v1/questions', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 422,
          contentType: 'application/json',
          body: JSON.stringify({
            code: 'invalid_input',
            message: 'invalid input',
            fields: [{ field: 'slot', problem: 'too_many' }],
          }),
        })
      : route.continue(),
  );
  await expect(ask.category().locator('option')).not.toHaveCount(1);
  await ask.category().selectOption({ index: 1 });
  await ask.name().fill('Гульнара Ахметова');
  await ask.email().fill(`reception-${Date.now()}@mail.kz`);
  await page.getByLabel('Что вы хотите обсудить').fill('Хочу обсудить благоустройство двора в районе Байконыр.');
  await ask.consent().check();
  await ask.checkButton().click();
  await expect(site.heading()).toHaveText('Проверьте вашу заявку');
  await page.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(ask.errorSummary()).toContainText('На этот приём мест больше нет');
  await expect(session).toContainText('На этот приём мест больше нет');
  await expect(page.getByLabel('Что вы хотите обсудить')).toHaveValue(/благоустройство двора/);
  await expectNoAxeViolations(page, 'a refused reception request');
  await page.unroute('**/api/v1/questions');

  // A session that has passed, or was never there.
  await page.goto('/ru/questions/ask?body=astana&channel=reception&slot=987654321');
  await expect(site.heading()).toHaveText('Запись на личный приём');
  await expect(site.main()).toContainText('Этот приём уже прошёл или его нет в графике');
  await expect(site.main().getByRole('link', { name: 'Перейти к графику приёма' })).toHaveAttribute(
    'href',
    '/ru/bodies/astana/schedule',
  );
  await expectNoAxeViolations(page, 'a past reception session');

  // A full one, as the schedule shows it.
  await page.route('**/api/v1/bodies/astana/schedule', async (route) => {
    const response = await route.fetch();
    const all: Array<{ id: number; capacity: number; requested: number }> = await response.json();
    await route.fulfill({
      response,
      json: all.map((s) => (s.id === open!.id ? { ...s, requested: s.capacity } : s)),
    });
  });
  await page.goto(`/ru/questions/ask?body=astana&channel=reception&slot=${open!.id}`);
  await expect(site.main()).toContainText('На этот приём мест больше нет');
  await expect(page.getByLabel('Что вы хотите обсудить')).toHaveCount(0);
});

test('the default question form is unchanged: no channel, no head, the choice of signature', async ({ page }) => {
  const ask = new AskPage(page);
  await ask.open('enbek');
  await expect(page.getByRole('group', { name: 'Как подписать вопрос при публикации' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'О приёме' })).toHaveCount(0);
  await expect(page.getByText('Кому:')).toHaveCount(0);
});
