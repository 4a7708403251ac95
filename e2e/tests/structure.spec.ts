import { test, expect } from '../support/fixtures';
import { SitePage } from '../pages/site';

// What a screen reader meets on the main pages, as Chromium's accessibility tree shows it.
// A change in structure (a landmark, a heading, a field's name) fails here and is seen in review.

test('the home page: landmarks, one h1, the bodies grouped by kind', async ({ page }) => {
  await new SitePage(page, 'ru').open('/ru');
  await expect(page.locator('body')).toMatchAriaSnapshot(`
    - link "Перейти к основному содержанию"
    - banner:
      - button "Версия для слабовидящих"
      - navigation "Язык сайта":
        - list:
          - listitem:
            - link "Қазақша"
          - listitem:
            - link "Русский"
          - listitem:
            - link "English"
      - link "Онлайн-приёмная государственных органов"
      - navigation "Разделы онлайн-приёмной":
        - list:
          - listitem:
            - link "Электронные обращения"
          - listitem:
            - link "Вопрос-ответ"
          - listitem:
            - link "График приёма граждан"
          - listitem:
            - link "Открытый диалог"
          - listitem:
            - link "Блог руководителя"
          - listitem:
            - link "Часто задаваемые вопросы"
    - main:
      - heading "Государственные органы" [level=1]
      - region "Министерства":
        - heading "Министерства" [level=2]
        - list:
          - listitem:
            - link "Министерство труда и социальной защиты населения Республики Казахстан"
      - region "Акиматы":
        - heading "Акиматы" [level=2]
        - list:
          - listitem:
            - link "Акимат города Астаны"
    - contentinfo:
      - paragraph:
        - link "Кабинет для сотрудников"
      - paragraph:
        - link "Открытый API для разработчиков"
    - status
  `);
});

test('a body page: breadcrumbs, the head, the sections with what each is for', async ({ page }) => {
  await new SitePage(page, 'ru').open('/ru/bodies/enbek');
  await expect(page.locator('main')).toMatchAriaSnapshot(`
    - main:
      - navigation "Навигационная цепочка":
        - list:
          - listitem:
            - link "Главная"
      - heading "Министерство труда и социальной защиты населения Республики Казахстан" [level=1]
      - term: Руководитель
      - paragraph:
        - link "Задать вопрос"
      - heading "Разделы онлайн-приёмной" [level=2]
      - list:
        - listitem:
          - link "Электронные обращения"
          - paragraph
        - listitem:
          - link "Вопрос-ответ"
          - paragraph
      - heading "Структурные подразделения" [level=2]
      - heading "Категории вопросов" [level=2]
  `);
});

test('the question form: every field named, choices in named groups', async ({ page }) => {
  await new SitePage(page, 'ru').open('/ru/questions/ask?body=enbek');
  await expect(page.locator('main')).toMatchAriaSnapshot(`
    - main:
      - heading "Задать вопрос" [level=1]
      - combobox "Государственный орган":
        - option "Министерство труда и социальной защиты населения Республики Казахстан" [selected]
      - combobox "Категория вопроса"
      - group "Язык вопроса":
        - radio "Қазақша"
        - radio "Русский" [checked]
        - radio "English"
      - textbox "Ваше имя"
      - textbox "Электронная почта"
      - textbox "Ваш вопрос"
      - paragraph: "Осталось символов: 5000"
      - group "Как подписать вопрос при публикации":
        - radio "Моими инициалами" [checked]
        - radio "Анонимно"
      - checkbox "Я согласен(на) на обработку моих персональных данных"
      - button "Проверить перед отправкой"
  `);
});

test('a question page: facts, the question, the answer, votes and progress as regions', async ({ page }) => {
  await new SitePage(page, 'ru').open('/ru/questions/1');
  await expect(page.locator('main')).toMatchAriaSnapshot(`
    - main:
      - navigation "Навигационная цепочка"
      - heading /Вопрос ЖТ-\\d{4}-\\d{8}/ [level=1]
      - term: Государственный орган
      - term: Категория
      - term: Автор
      - term: Дата публикации
      - region "Вопрос":
        - heading "Вопрос" [level=2]
      - region "Ответ":
        - heading "Ответ" [level=2]
      - region "Оценка ответа":
        - heading "Оценка ответа" [level=2]
        - 'button /Удовлетворён\\(а\\): \\d+/'
        - 'button /Не удовлетворён\\(а\\): \\d+/'
      - region "Ход рассмотрения":
        - heading "Ход рассмотрения" [level=2]
        - list
  `);
});

test('after a navigation the new page is announced and its h1 has focus', async ({ page }) => {
  const site = new SitePage(page, 'ru');
  await site.open('/ru');
  await page.getByRole('link', { name: 'Министерство финансов Республики Казахстан' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Министерство финансов Республики Казахстан' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle('Министерство финансов Республики Казахстан — Онлайн-приёмная');
  await expect(page.getByRole('status').filter({ hasText: 'Министерство финансов Республики Казахстан' })).toHaveCount(1);
});
