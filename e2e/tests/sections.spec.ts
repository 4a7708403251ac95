import { test, expect, expectNoAxeViolations } from '../support/fixtures';
import { BODIES } from '../pages/site';
import { SECTIONS_TEXT, SectionsPage, addSession, type Session } from '../pages/sections';
import { AskPage } from '../pages/ask';
import { linkIn, waitForMail } from '../support/mailbox';

test('the FAQ groups its answers by category and the search filters them as you type', async ({ page, request }) => {
  const entries: { category: { name: { ru: string } } | null }[] = await (await request.get('/api/v1/bodies/enbek/faq')).json();
  expect(entries.length, 'demo FAQ entries').toBeGreaterThan(0);
  const faq = new SectionsPage(page, 'ru');
  await faq.open('faq');
  await expect(faq.heading()).toHaveText(SECTIONS_TEXT.faqTitle.ru);
  await expect(page.locator('.brand-body')).toHaveText(BODIES.enbek.ru);
  await expect(faq.faqQuestions()).toHaveCount(entries.length);
  // One heading per category, "General" for the entries that have none.
  const categories = [...new Set(entries.map((e) => e.category?.name.ru ?? SECTIONS_TEXT.faqGeneral.ru))];
  await expect(faq.main().getByRole('heading', { level: 2 }).filter({ hasNotText: 'Не нашли ответ?' })).toHaveText(categories);
  await expectNoAxeViolations(page, 'the FAQ');

  // A question opens to its answer.
  const question = 'Как получить единовременное пособие на рождение ребёнка?';
  const entry = page.locator('details').filter({ has: page.locator('summary', { hasText: question }) });
  await entry.locator('summary').click();
  await expect(entry).toHaveAttribute('open', '');
  await expect(entry.locator('.answer')).toBeVisible();

  // The search ignores case and reads ё as е, in questions and answers.
  await faq.faqSearch().fill('РЕБЕНКА');
  await expect(faq.faqQuestions().filter({ hasText: question })).toBeVisible();
  const shown = await faq.faqQuestions().count();
  expect(shown).toBeLessThan(entries.length);
  await expect(faq.main()).toContainText(`${SECTIONS_TEXT.faqFound.ru}: ${shown}`);
  await expect(page.getByRole('status').filter({ hasText: `${SECTIONS_TEXT.faqFound.ru}: ${shown}` })).toHaveCount(1);
  await expectNoAxeViolations(page, 'the FAQ filtered');

  // Nothing matches: a clear message and the way to ask.
  await faq.faqSearch().fill('щзщзщзщ');
  await expect(faq.faqQuestions()).toHaveCount(0);
  await expect(faq.main()).toContainText(SECTIONS_TEXT.faqNothing.ru);
  await expect(page.getByRole('status').filter({ hasText: `${SECTIONS_TEXT.faqFound.ru}: 0` })).toHaveCount(1);
  const ask = faq.main().locator('.notice').getByRole('link', { name: SECTIONS_TEXT.ask.ru, exact: true });
  await expect(ask).toHaveAttribute('href', '/ru/questions/ask?body=enbek');
  await expectNoAxeViolations(page, 'the FAQ with nothing found');

  // Clearing the search shows everything again.
  await faq.faqSearch().fill('');
  await expect(faq.faqQuestions()).toHaveCount(entries.length);
});

test('the open dialogue lists the current and the past links, each leaving for another site', async ({ page, request }) => {
  type Link = { title: { en: string }; url: string; ends_at: number | null };
  const links: Link[] = await (await request.get('/api/v1/bodies/enbek/dialogue')).json();
  const now = Date.now() / 1000;
  const past = links.filter((l) => l.ends_at !== null && l.ends_at <= now);
  const current = links.filter((l) => !past.includes(l));
  expect(current.length, 'open demo links').toBeGreaterThan(0);
  expect(past.length, 'closed demo links').toBeGreaterThan(0);

  const dialogue = new SectionsPage(page, 'en');
  await dialogue.open('dialogue');
  await expect(dialogue.heading()).toHaveText(SECTIONS_TEXT.dialogueTitle.en);
  for (const [name, list] of [
    [SECTIONS_TEXT.current.en, current],
    [SECTIONS_TEXT.past.en, past],
  ] as const) {
    const region = page.getByRole('region', { name, exact: true });
    const anchors = region.getByRole('link');
    await expect(anchors).toHaveCount(list.length);
    for (const [i, link] of list.entries()) {
      await expect(anchors.nth(i)).toHaveAccessibleName(`${link.title.en} (${SECTIONS_TEXT.anotherSite.en})`);
      await expect(anchors.nth(i)).toHaveAttribute('href', link.url);
      await expect(anchors.nth(i)).toHaveAttribute('rel', /\bnoopener\b/);
    }
  }
  await expect(page.getByRole('region', { name: SECTIONS_TEXT.current.en, exact: true })).toContainText(/Poll|Online conference/);
  await expectNoAxeViolations(page, 'the open dialogue');
});

test('the schedule explains the reception and lists the sessions; a place is requested through the ask form', async ({
  page,
  request,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  // A session of its own with one place, so the request fills it.
  const mine = await addSession(playwright.request, baseURL, 'enbek', 1);
  const sessions: Session[] = await (await request.get('/api/v1/bodies/enbek/schedule')).json();
  expect(sessions.some((s) => s.id === mine.id)).toBe(true);

  const schedule = new SectionsPage(page, 'ru');
  await schedule.open('schedule');
  await expect(schedule.heading()).toHaveText(SECTIONS_TEXT.scheduleTitle.ru);
  await expect(schedule.main()).toContainText('Что такое личный приём');
  await expect(schedule.main()).toContainText('в установленный законом срок');
  await expect(schedule.main()).toContainText(SECTIONS_TEXT.astanaTime.ru);
  await expect(schedule.sessions()).toHaveCount(sessions.length);
  // Each session: who, the places left, and a request link while places are left.
  for (const [i, s] of sessions.entries()) {
    const item = schedule.sessions().nth(i);
    await expect(item.getByRole('heading', { level: 3 })).toHaveText(s.official.ru);
    await expect(schedule.fact(item, SECTIONS_TEXT.placesLeft.ru)).toHaveText(String(s.capacity - s.requested));
    const link = item.getByRole('link', { name: new RegExp(`^${SECTIONS_TEXT.request.ru}`) });
    if (s.requested < s.capacity) {
      await expect(link).toHaveAttribute('href', `/ru/questions/ask?body=enbek&channel=reception&slot=${s.id}`);
    } else {
      await expect(link).toHaveCount(0);
      await expect(item).toContainText(SECTIONS_TEXT.full.ru);
    }
  }
  await expectNoAxeViolations(page, 'the schedule');

  // Request the place: the ask form for a reception, then the confirmation email.
  const item = schedule.sessions().filter({ has: page.getByRole('heading', { name: mine.official.ru, exact: true }) });
  await item.getByRole('link', { name: new RegExp(`^${SECTIONS_TEXT.request.ru}`) }).click();
  await expect(page).toHaveURL(`/ru/questions/ask?body=enbek&channel=reception&slot=${mine.id}`);
  await expect(schedule.heading()).toHaveText('Запись на личный приём');
  await expect(schedule.main()).toContainText(mine.official.ru);
  const ask = new AskPage(page);
  const email = `reception-${Date.now()}@mail.kz`;
  await expect(ask.category().locator('option')).not.toHaveCount(1);
  await ask.category().selectOption({ label: 'Занятость населения' });
  await ask.name().fill('Гульнара Ахметова');
  await ask.email().fill(email);
  await page.getByLabel('Что вы хотите обсудить').fill('Хочу обсудить трудоустройство выпускников колледжей в нашем районе.');
  await ask.consent().check();
  await ask.checkButton().click();
  await page.getByRole('button', { name: 'Отправить заявку' }).click();
  await expect(schedule.heading()).toHaveText('Ваша заявка отправлена', { timeout: 20_000 });
  const number = (await page.locator('.reference').innerText()).trim();
  expect(number).toMatch(/^ЖТ-\d{4}-\d{8}$/);
  const mail = await waitForMail(email, number);
  expect(linkIn(mail, '/questions/confirm#')).toContain('/questions/confirm#');

  // The session's one place is taken now.
  await schedule.open('schedule');
  const taken = schedule.sessions().filter({ has: page.getByRole('heading', { name: mine.official.ru, exact: true }) });
  await expect(taken).toContainText(SECTIONS_TEXT.full.ru);
  await expect(taken.getByRole('link')).toHaveCount(0);
});
