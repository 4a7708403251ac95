import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { BODIES, LANGS, type Lang } from '../pages/site';
import { SECTIONS_TEXT, SectionsPage, allPosts } from '../pages/sections';
import { AskPage } from '../pages/ask';
import { RU, StaffSession, executorName, staffEmail } from '../pages/office';
import { linkIn, waitForMail } from '../support/mailbox';

/** The body's name in the header, where the layout shows the body whose pages these are. */
const headerBody = (page: import('@playwright/test').Page) => page.locator('.brand-body');

for (const lang of LANGS) {
  test(`the head's blog reads in ${lang}: the head, the posts in ${lang}, and a post`, async ({ page, request }) => {
    const expected = await allPosts(request, 'enbek', lang);
    expect(expected.items.length, `published posts with a text in ${lang}`).toBeGreaterThan(0);
    const blog = new SectionsPage(page, lang);
    await blog.open('blog');
    await expect(blog.heading()).toHaveText(SECTIONS_TEXT.blogTitle[lang]);
    await expect(headerBody(page)).toHaveText(BODIES.enbek[lang]);
    await expect(blog.breadcrumbs().getByRole('link', { name: BODIES.enbek[lang], exact: true })).toHaveAttribute(
      'href',
      `/${lang}/bodies/enbek`,
    );

    // The head: a photo with its text alternative in this language, the name and position.
    const profile = page.getByRole('region', { name: blog.text('aboutHead'), exact: true });
    const head = await (await request.get('/api/v1/bodies/enbek/head')).json();
    await expect(profile.getByRole('img')).toHaveAttribute('alt', head.photo.alt[lang]);
    await expect(profile).toContainText(head.name[lang]);
    await expect(profile).toContainText(head.position[lang]);

    // The posts in this language, newest first, ten at a time.
    await expect(blog.postLinks()).toHaveText(expected.items.slice(0, 10).map((p) => p.title));
    await expect(blog.askHeadLink()).toHaveAttribute('href', `/${lang}/questions/ask?body=enbek&channel=blog`);
    await expect(blog.feedLink()).toHaveAttribute('href', `/api/v1/bodies/enbek/blog/feed?lang=${lang}`);
    if (expected.in_other_languages > 0) {
      await expect(blog.main()).toContainText(`${blog.text('otherCount')}: ${expected.in_other_languages}.`);
      for (const other of LANGS.filter((l) => l !== lang)) {
        await expect(blog.main().locator(`a[hreflang="${other}"]`)).toHaveAttribute('href', `/${other}/bodies/enbek/blog`);
      }
    } else {
      await expect(blog.main()).not.toContainText(blog.text('otherCount'));
    }
    await expectNoAxeViolations(page, `the blog in ${lang}`);

    // "Show more" adds the rest, says how many came and takes the keyboard to the first new post.
    if (expected.items.length > 10) {
      await blog.showMore().click();
      await expect(blog.postLinks()).toHaveText(expected.items.slice(0, 20).map((p) => p.title));
      await expect(blog.postLinks().nth(10)).toBeFocused();
      const added = Math.min(expected.items.length, 20) - 10;
      await expect(page.getByRole('status').filter({ hasText: `${blog.text('postsAdded')}: ${added}` })).toHaveCount(1);
    }

    // A post opens in the same language.
    const first = expected.items[0];
    await blog.postLinks().first().click();
    await expect(page).toHaveURL(`/${lang}/bodies/enbek/blog/${first.id}`);
    await expect(blog.heading()).toHaveText(first.title);
    await expect(blog.heading()).toBeFocused();
    await expect(page.locator('.post-body')).toHaveAttribute('lang', lang);
    await expect(page.locator('.post-body')).not.toBeEmpty();
    await expect(headerBody(page)).toHaveText(BODIES.enbek[lang]);
    await expect(blog.breadcrumbs().getByRole('listitem')).toHaveText([
      /.+/,
      BODIES.enbek[lang],
      SECTIONS_TEXT.blogTitle[lang],
      first.title,
    ]);
    await expect(blog.main().getByRole('link', { name: blog.text('askHead'), exact: true })).toBeVisible();
    await expectNoAxeViolations(page, `a post in ${lang}`);
    await blog.main().getByRole('link', { name: blog.text('toBlog'), exact: true }).click();
    await expect(blog.heading()).toHaveText(SECTIONS_TEXT.blogTitle[lang]);
  });
}

test('the English blog says the other posts are in Kazakh and Russian, and a post without English links its languages', async ({
  page,
  request,
}) => {
  const en = await allPosts(request, 'enbek', 'en');
  const kk = await allPosts(request, 'enbek', 'kk');
  expect(en.in_other_languages, 'demo posts without English').toBeGreaterThan(0);
  const blog = new SectionsPage(page, 'en');
  await blog.open('blog');
  await expect(blog.main()).toContainText(`More posts in other languages only: ${en.in_other_languages}.`);
  await blog.main().getByRole('link', { name: 'Русский', exact: true }).click();
  await expect(page).toHaveURL('/ru/bodies/enbek/blog');
  await expect(blog.heading()).toHaveText(SECTIONS_TEXT.blogTitle.ru);

  // A post with no English text, opened at its English address.
  const kazakhOnly = kk.items.find((p) => !en.items.some((e) => e.id === p.id));
  expect(kazakhOnly, 'a post with no English text').toBeTruthy();
  const id = kazakhOnly!.id;
  const english = new SectionsPage(page, 'en');
  await english.open(`blog/${id}`);
  await expect(english.heading()).toHaveText('Blog post');
  await expect(english.main()).toContainText(SECTIONS_TEXT.noText.en);
  await expect(english.main().locator('a[hreflang="kk"]')).toHaveAttribute('href', `/kk/bodies/enbek/blog/${id}`);
  await expectNoAxeViolations(page, 'a post with no text in English');
  await english.main().locator('a[hreflang="kk"]').click();
  await expect(english.heading()).toHaveText(kazakhOnly!.title);

  // An unknown post, and an unknown body.
  await english.open('blog/999999');
  await expect(english.heading()).toHaveText(SECTIONS_TEXT.postNotFound.en);
  await page.goto('/en/bodies/no-such-body/blog');
  await expect(english.heading()).toHaveText('Government body not found');
});

test('the Atom feed lists the posts the blog shows', async ({ page, request }) => {
  for (const lang of ['kk', 'en'] as Lang[]) {
    const blog = new SectionsPage(page, lang);
    await blog.open('blog');
    await expect(blog.postLinks().first()).toBeVisible();
    const shown = await blog.postLinks().allInnerTexts();
    const href = await blog.feedLink().getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/atom+xml');
    const xml = await res.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const titles = [...xml.matchAll(/<entry>[\s\S]*?<title[^>]*>([\s\S]*?)<\/title>/g)].map((m) => unescapeXml(m[1]).trim());
    const all = await allPosts(request, 'enbek', lang);
    expect(titles.length).toBe(Math.min(all.items.length, 20));
    // The page shows the newest ten; the feed starts with the same ones, in the same order.
    expect(titles.slice(0, shown.length)).toEqual(shown);
  }
});

function unescapeXml(text: string): string {
  return text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

test("a question asked on the head's blog goes through the office and is answered on the blog", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const blog = new SectionsPage(page, 'ru');
  const enbek = BODIES.enbek.ru;
  const question = `Будет ли в этом году набор на бесплатные курсы для людей старше пятидесяти лет? Вопрос ${Date.now()}.`;
  const email = `blog-${Date.now()}@mail.kz`;

  // The blog's link opens the ask form addressed to the head.
  await blog.open('blog');
  await blog.askHeadLink().click();
  await expect(page).toHaveURL('/ru/questions/ask?body=enbek&channel=blog');
  await expect(blog.heading()).toHaveText('Вопрос руководителю');
  const ask = new AskPage(page);
  await expect(ask.category().locator('option')).not.toHaveCount(1);
  await ask.category().selectOption({ label: 'Занятость населения' });
  await ask.name().fill('Болат Нурланов');
  await ask.email().fill(email);
  await ask.text().fill(question);
  await ask.consent().check();
  await ask.checkButton().click();
  await ask.sendButton().click();
  const number = await ask.sentNumber();
  await page.goto(linkIn(await waitForMail(email, `Подтвердите ваш вопрос: ${number}`), '/questions/confirm#'));
  await expect(blog.heading()).toHaveText('Почта подтверждена');

  // The moderator registers it, the executor answers, the moderator publishes.
  const moderator = await StaffSession.signIn(browser, baseURL, staffEmail('moderator', 'enbek'));
  // The work list's moderation queue holds ordinary questions; the filter finds those to the head.
  await moderator.office.openTask(enbek, 'Вопросы на модерации');
  await moderator.page.getByLabel('Вид дела', { exact: true }).selectOption({ label: 'Вопрос руководителю' });
  await moderator.page.getByRole('button', { name: 'Показать', exact: true }).click();
  await expect(moderator.page).toHaveURL(/channel=blog/);
  await moderator.office.waitForList();
  await moderator.office.openCase(number);
  await expect(moderator.page.locator('.question-text')).toHaveText(question);
  const register = moderator.office.action(RU.registerTitle);
  await register.getByLabel('Подразделение', { exact: true }).selectOption({ label: 'Департамент труда и социального партнёрства' });
  await register.getByLabel('Исполнитель', { exact: true }).selectOption({ label: executorName('enbek') });
  await register.getByRole('button', { name: 'Зарегистрировать', exact: true }).click();
  await expect(moderator.office.outcome()).toHaveText(RU.registered);

  const executor = await StaffSession.signIn(browser, baseURL, staffEmail('executor', 'enbek'));
  await executor.office.openTask(enbek, 'Мои дела');
  await executor.office.openCase(number);
  await executor.office
    .action(RU.answerTitle)
    .getByLabel('Ответ', { exact: true })
    .fill('Да, набор откроется весной.\n\nСледите за объявлениями центра занятости.');
  await executor.office.action(RU.answerTitle).getByRole('button', { name: 'Отправить на утверждение' }).click();
  await expect(executor.office.outcome()).toHaveText(RU.answered);
  await executor.close();

  await moderator.office.open();
  await moderator.office.openTask(enbek, 'Ответы на утверждении');
  await moderator.office.openCase(number);
  await moderator.office.action(RU.publishTitle).getByRole('button', { name: 'Утвердить и опубликовать' }).click();
  await expect(moderator.office.outcome()).toHaveText(RU.published);
  await moderator.close();

  // The blog's "Questions and answers" shows it first, with its votes; it opens with the answer.
  await blog.open('blog');
  const newest = blog.questions().first();
  await expect(newest).toContainText(question.slice(0, 60));
  await expect(newest).toContainText('Удовлетворены: 0 · Не удовлетворены: 0');
  await expectNoAxeViolations(page, 'the blog with a new answer');
  await newest.getByRole('link').click();
  await expect(blog.heading()).toHaveText(`Вопрос ${number}`);
  await expect(page.getByText('Да, набор откроется весной.')).toBeVisible();
});
