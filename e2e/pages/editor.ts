import { expect, type Locator, type Page } from '@playwright/test';
import { OfficePage } from './office';
import type { Lang, Slug } from './site';

/** The editor's pages, after `/{lang}/office/{slug}/`. */
export const EDITOR_PAGES = ['blog', 'blog/new', 'profile', 'faq', 'schedule', 'dialogue', 'indicators'] as const;
export type EditorPart = (typeof EDITOR_PAGES)[number] | `blog/${number}`;

/** The languages' own names, as each fieldset's legend gives them. */
export const ENDONYM = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;

/** Russian texts of the editor (locales/ru.json, "editor"). */
export const EDITOR_RU = {
  titles: {
    blog: 'Записи блога',
    'blog/new': 'Новая запись',
    profile: 'Профиль руководителя',
    faq: 'Часто задаваемые вопросы',
    schedule: 'График приёма граждан',
    dialogue: 'Ссылки открытого диалога',
    indicators: 'Показатели «Открытого диалога»',
  },
  editPost: 'Редактирование записи',
  newPost: 'Новая запись',
  title: 'Заголовок',
  text: 'Текст',
  save: 'Сохранить',
  saved: 'Сохранено.',
  publishNow: 'Опубликовать сейчас',
  schedule: 'Опубликовать в назначенные дату и время',
  date: 'Дата',
  time: 'Время',
  question: 'Вопрос',
  answer: 'Ответ',
  official: 'Должностное лицо',
  position: 'Должность',
  place: 'Место',
  minutes: 'Продолжительность, минут',
  capacity: 'Сколько граждан можно принять',
  online: 'Приём проходит онлайн',
  faqAdd: 'Добавить вопрос',
  slotAdd: 'Добавить приём',
  linkAdd: 'Добавить ссылку',
  kind: 'Вид',
  url: 'Адрес',
  upcoming: 'Предстоящие приёмы',
} as const;

/** "Scheduled for 21.03.2026, 10:00" as the list of posts writes it. */
export const scheduledFor = (isoDate: string, time: string): string =>
  `Запланирована на ${isoDate.split('-').reverse().join('.')}, ${time}`;

/** The calendar date in Astana (UTC+5) `days` from now, as a date input takes it. */
export function astanaDate(days: number): string {
  return new Date(Date.now() + 5 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The content editor of a body, seen by label and role. */
export class EditorPage {
  readonly office: OfficePage;

  constructor(
    readonly page: Page,
    readonly slug: Slug = 'enbek',
    readonly lang: Lang = 'ru',
  ) {
    this.office = new OfficePage(page, lang);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Opens one of the editor's pages and waits until it has loaded. */
  async open(part: EditorPart): Promise<void> {
    await this.page.goto(`/${this.lang}/office/${this.slug}/${part}`);
    await expect(this.heading()).toBeVisible();
    await this.loaded();
  }

  /** Waits until nothing on the page says it is loading. */
  async loaded(): Promise<void> {
    await expect(this.page.getByRole('main').getByText(/^(Загрузка|Жүктелуде|Loading)…$/)).toHaveCount(0);
  }

  /** The fieldset of one language in `scope` (a form's region, or the page). */
  langGroup(lang: Lang, scope: Page | Locator = this.page): Locator {
    return scope.getByRole('group', { name: ENDONYM[lang], exact: true });
  }

  /** A field of one language's fieldset, by its label. */
  langField(lang: Lang, label: string, scope: Page | Locator = this.page): Locator {
    return this.langGroup(lang, scope).getByLabel(label, { exact: true });
  }

  saveButton(scope: Page | Locator = this.page): Locator {
    return scope.getByRole('button', { name: EDITOR_RU.save, exact: true });
  }

  /** A form's region, named by its heading ("Добавить вопрос"). */
  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** What the last change did (`#{id}`): it takes focus and is read out. */
  outcome(id: string): Locator {
    return this.page.locator(`#${id}`);
  }

  errorSummary(scope: Page | Locator = this.page): Locator {
    return this.office.errorSummary(scope);
  }

  /** The table of posts; each title links to its editor. */
  postRow(title: string): Locator {
    return this.page.getByRole('table').getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** Writes a post's title and text in `lang`. */
  async writePost(lang: Lang, title: string, html: string): Promise<void> {
    await this.langField(lang, EDITOR_RU.title).fill(title);
    await this.langField(lang, EDITOR_RU.text).fill(html);
  }

  /** Saves a new post and waits for its own address (`/blog/{id}`); returns the id. */
  async saveNewPost(): Promise<number> {
    await this.saveButton().click();
    await expect(this.page).toHaveURL(/\/blog\/\d+$/);
    await expect(this.heading()).toHaveText(EDITOR_RU.editPost);
    await expect(this.outcome('post-outcome')).toHaveText(EDITOR_RU.saved);
    return Number(/\/blog\/(\d+)$/.exec(this.page.url())?.[1]);
  }
}
