import { expect, type Locator, type Page } from '@playwright/test';

export type Lang = 'kk' | 'ru' | 'en';
export const LANGS: Lang[] = ['kk', 'ru', 'en'];

/** Texts the tests look for, in each language. */
export const TEXT = {
  homeTitle: { kk: 'Мемлекеттік органдар', ru: 'Государственные органы', en: 'Government bodies' },
  notFound: { kk: 'Бет табылмады', ru: 'Страница не найдена', en: 'Page not found' },
  bodyNotFound: {
    kk: 'Мемлекеттік орган табылмады',
    ru: 'Государственный орган не найден',
    en: 'Government body not found',
  },
  special: {
    kk: 'Көру қабілеті нашар адамдарға арналған нұсқа',
    ru: 'Версия для слабовидящих',
    en: 'Version for the visually impaired',
  },
  sectionsNav: { kk: 'Онлайн-қабылдау бөлімдері', ru: 'Разделы онлайн-приёмной', en: 'Online reception sections' },
  langSwitch: { kk: 'Сайт тілі', ru: 'Язык сайта', en: 'Site language' },
  siteShort: { kk: 'Онлайн-қабылдау', ru: 'Онлайн-приёмная', en: 'Online reception' },
  skip: { kk: 'Негізгі мазмұнға өту', ru: 'Перейти к основному содержанию', en: 'Skip to main content' },
  ministries: { kk: 'Министрліктер', ru: 'Министерства', en: 'Ministries' },
  akimats: { kk: 'Әкімдіктер', ru: 'Акиматы', en: 'Akimats' },
} as const;

export const SECTIONS = ['appeals', 'questions', 'schedule', 'dialogue', 'blog', 'faq'] as const;

/** The five demo bodies and their names as the API serves them. */
export const BODIES = {
  enbek: {
    kk: 'Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрлігі',
    ru: 'Министерство труда и социальной защиты населения Республики Казахстан',
    en: 'Ministry of Labour and Social Protection of the Population of the Republic of Kazakhstan',
  },
  dsm: {
    kk: 'Қазақстан Республикасы Денсаулық сақтау министрлігі',
    ru: 'Министерство здравоохранения Республики Казахстан',
    en: 'Ministry of Health of the Republic of Kazakhstan',
  },
  edu: {
    kk: 'Қазақстан Республикасы Оқу-ағарту министрлігі',
    ru: 'Министерство просвещения Республики Казахстан',
    en: 'Ministry of Enlightenment of the Republic of Kazakhstan',
  },
  minfin: {
    kk: 'Қазақстан Республикасы Қаржы министрлігі',
    ru: 'Министерство финансов Республики Казахстан',
    en: 'Ministry of Finance of the Republic of Kazakhstan',
  },
  astana: { kk: 'Астана қаласының әкімдігі', ru: 'Акимат города Астаны', en: 'Akimat of Astana' },
} as const;
export type Slug = keyof typeof BODIES;
export const SLUGS = Object.keys(BODIES) as Slug[];

/** The layout every page shares, seen the way a screen reader user meets it. */
export class SitePage {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
  ) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  main(): Locator {
    return this.page.getByRole('main');
  }

  languageSwitch(): Locator {
    return this.page.getByRole('navigation', { name: TEXT.langSwitch[this.lang] });
  }

  sectionsNav(): Locator {
    return this.page.getByRole('navigation', { name: TEXT.sectionsNav[this.lang] });
  }

  specialVersionSwitch(): Locator {
    return this.page.getByRole('button', { name: TEXT.special[this.lang] });
  }

  /** Opens `path` and waits until the app has rendered the page's heading. */
  async open(path: string): Promise<void> {
    await this.page.goto(path);
    await expect(this.heading()).toBeVisible();
  }

  async switchTo(lang: Lang): Promise<SitePage> {
    const names: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };
    await this.languageSwitch().getByRole('link', { name: names[lang] }).click();
    return new SitePage(this.page, lang);
  }
}
