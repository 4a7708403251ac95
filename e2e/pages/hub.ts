import { expect, type Locator, type Page } from '@playwright/test';
import { type Lang, SitePage } from './site';

/** Texts of the home page, the hub and the search page, in each language. */
export const HUB_TEXT = {
  filter: { kk: 'Органды атауы бойынша іздеу', ru: 'Найти орган по названию', en: 'Find a body by name' },
  filterCount: { kk: 'Көрсетілген органдар саны', ru: 'Показано органов', en: 'Bodies shown' },
  filterEmpty: {
    kk: 'Атауында мұндай сөз бар орган жоқ',
    ru: 'Органа с таким названием нет',
    en: 'No body has this in its name',
  },
  search: {
    kk: 'Жарияланған жауаптардан іздеу',
    ru: 'Поиск по опубликованным ответам',
    en: 'Search published answers',
  },
  find: { kk: 'Табу', ru: 'Найти', en: 'Find' },
  results: { kk: 'Нәтижелер', ru: 'Результаты', en: 'Results' },
  found: { kk: 'Табылған жауаптар саны', ru: 'Найдено ответов', en: 'Answers found' },
  latestAnswers: { kk: 'Соңғы жауаптар', ru: 'Последние ответы', en: 'Latest answers' },
  latestPosts: { kk: 'Блогтағы соңғы жазбалар', ru: 'Последние записи блога', en: 'Latest blog posts' },
  allAnswers: { kk: 'Барлық сұрақтар мен жауаптар', ru: 'Все вопросы и ответы', en: 'All questions and answers' },
  allPosts: { kk: 'Блогтың барлық жазбалары', ru: 'Все записи блога', en: 'All blog posts' },
  sections: { kk: 'Онлайн-қабылдау бөлімдері', ru: 'Разделы онлайн-приёмной', en: 'Online reception sections' },
} as const;

/** The home page: the search of published answers and the bodies with their name filter. */
export class HomePage extends SitePage {
  constructor(page: Page, lang: Lang) {
    super(page, lang);
  }

  async openHome(): Promise<void> {
    await this.open(`/${this.lang}`);
    await expect(this.filter()).toBeVisible();
  }

  filter(): Locator {
    return this.page.getByLabel(HUB_TEXT.filter[this.lang]);
  }

  /** The body links the list shows now, in every group. */
  bodyLinks(): Locator {
    return this.main().getByRole('region').getByRole('listitem').getByRole('link');
  }

  /** The polite live region's message. */
  announcement(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  searchBox(): Locator {
    return this.main().getByRole('search').getByRole('searchbox', { name: HUB_TEXT.search[this.lang] });
  }

  async search(words: string): Promise<void> {
    await this.searchBox().fill(words);
    await this.main().getByRole('search').getByRole('button', { name: HUB_TEXT.find[this.lang] }).click();
  }
}

/** The global search page. */
export class SearchPage extends SitePage {
  results(): Locator {
    return this.page.getByRole('list', { name: HUB_TEXT.results[this.lang] }).getByRole('listitem');
  }
}

/** A body's hub page. */
export class HubPage extends SitePage {
  sectionLink(name: string): Locator {
    return this.main().getByRole('link', { name, exact: true });
  }

  latestAnswers(): Locator {
    return this.page.getByRole('region', { name: HUB_TEXT.latestAnswers[this.lang] });
  }

  latestPosts(): Locator {
    return this.page.getByRole('region', { name: HUB_TEXT.latestPosts[this.lang] });
  }
}
