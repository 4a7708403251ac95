import { expect, type APIRequest, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, staffEmail } from './office';
import type { Lang, Slug } from './site';

/** The sections pages' texts in each language (locales/*.json: "blog", "faq", "schedule", "dialogue", "archive"). */
export const SECTIONS_TEXT = {
  blogTitle: { kk: 'Басшының блогы', ru: 'Блог руководителя', en: "The head's blog" },
  aboutHead: { kk: 'Басшы туралы', ru: 'О руководителе', en: 'About the head' },
  askHead: { kk: 'Басшыға сұрақ қою', ru: 'Задать вопрос руководителю', en: 'Ask the head a question' },
  feed: { kk: 'Жазылу (Atom арнасы)', ru: 'Подписаться (лента Atom)', en: 'Subscribe (Atom feed)' },
  posts: { kk: 'Жазбалар', ru: 'Записи', en: 'Posts' },
  postsAdded: { kk: 'Тізімге қосылған жазбалар', ru: 'Добавлено записей', en: 'Posts added' },
  otherCount: {
    kk: 'Басқа тілдерде ғана жазылған жазбалар',
    ru: 'Записей только на других языках',
    en: 'More posts in other languages only',
  },
  noText: {
    kk: 'Бұл жазба осы тілде жазылмаған.',
    ru: 'У этой записи нет текста на этом языке.',
    en: 'This post has no text in this language.',
  },
  toBlog: { kk: 'Блогтың барлық жазбалары', ru: 'Все записи блога', en: 'All posts of the blog' },
  postNotFound: { kk: 'Жазба табылмады', ru: 'Запись не найдена', en: 'Post not found' },
  questions: { kk: 'Сұрақтар мен жауаптар', ru: 'Вопросы и ответы', en: 'Questions and answers' },
  more: { kk: 'Тағы көрсету', ru: 'Показать ещё', en: 'Show more' },
  satisfied: { kk: 'Қанағаттанды', ru: 'Удовлетворены', en: 'Satisfied' },
  faqTitle: { kk: 'Жиі қойылатын сұрақтар', ru: 'Часто задаваемые вопросы', en: 'Frequently asked questions' },
  faqSearch: { kk: 'Сұрақтар мен жауаптардан іздеу', ru: 'Поиск по вопросам и ответам', en: 'Search the questions and answers' },
  faqFound: { kk: 'Табылған сұрақтар', ru: 'Найдено вопросов', en: 'Questions found' },
  faqNothing: {
    kk: 'Бұл сөздер бойынша ештеңе табылмады.',
    ru: 'По этим словам ничего не найдено.',
    en: 'Nothing found for these words.',
  },
  faqGeneral: { kk: 'Жалпы сұрақтар', ru: 'Общие вопросы', en: 'General' },
  ask: { kk: 'Сұрақ қою', ru: 'Задать вопрос', en: 'Ask a question' },
  scheduleTitle: { kk: 'Азаматтарды қабылдау кестесі', ru: 'График приёма граждан', en: 'Reception schedule' },
  astanaTime: { kk: 'Астана уақытымен (UTC+5)', ru: 'время Астаны (UTC+5)', en: 'Astana time (UTC+5)' },
  request: { kk: 'Қабылдауға жазылу', ru: 'Записаться на приём', en: 'Request a place' },
  full: { kk: 'Бос орын жоқ', ru: 'Мест нет', en: 'No places left' },
  placesLeft: { kk: 'Бос орын', ru: 'Свободных мест', en: 'Places left' },
  dialogueTitle: { kk: 'Ашық диалог', ru: 'Открытый диалог', en: 'Open dialogue' },
  current: { kk: 'Қазір өтіп жатқандары және алдағылары', ru: 'Сейчас и в ближайшее время', en: 'Open now and coming up' },
  past: { kk: 'Аяқталғандары', ru: 'Завершённые', en: 'Past' },
  anotherSite: { kk: 'басқа сайтта ашылады', ru: 'откроется другой сайт', en: 'opens another site' },
  breadcrumb: { kk: 'Навигациялық жол', ru: 'Навигационная цепочка', en: 'Breadcrumb' },
} as const;

export type SectionKind = 'blog' | 'faq' | 'schedule' | 'dialogue';

/** What the API says of a body's blog, to compare the page with. */
export interface PostSummary {
  id: number;
  title: string;
  excerpt: string;
  published_at: number;
}

export interface PostPage {
  items: PostSummary[];
  next: string | null;
  in_other_languages: number;
}

/** Every published post of `slug` in `lang`, newest first, as the API lists them. */
export async function allPosts(request: APIRequestContext, slug: Slug, lang: Lang): Promise<PostPage> {
  const res = await request.get(`/api/v1/bodies/${slug}/blog?lang=${lang}&limit=50`);
  expect(res.status()).toBe(200);
  return res.json();
}

/** A body's section page (blog, post, FAQ, schedule, dialogue), seen by role and label. */
export class SectionsPage {
  constructor(
    readonly page: Page,
    readonly lang: Lang,
    readonly slug: Slug = 'enbek',
  ) {}

  text(key: keyof typeof SECTIONS_TEXT): string {
    return SECTIONS_TEXT[key][this.lang];
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  main(): Locator {
    return this.page.getByRole('main');
  }

  breadcrumbs(): Locator {
    return this.page.getByRole('navigation', { name: this.text('breadcrumb'), exact: true });
  }

  /** Opens `/{lang}/bodies/{slug}/{kind}` (or a post, `blog/{id}`) and waits for its heading. */
  async open(kind: SectionKind | `blog/${number}`): Promise<void> {
    await this.page.goto(`/${this.lang}/bodies/${this.slug}/${kind}`);
    await expect(this.heading()).toBeVisible();
  }

  // The blog.

  posts(): Locator {
    return this.page.getByRole('list', { name: this.text('posts'), exact: true }).getByRole('listitem');
  }
  postLinks(): Locator {
    return this.posts().getByRole('heading', { level: 3 }).getByRole('link');
  }
  showMore(scope: Locator = this.main()): Locator {
    return scope.getByRole('button', { name: this.text('more'), exact: true });
  }
  askHeadLink(): Locator {
    return this.main().getByRole('link', { name: this.text('askHead'), exact: true }).first();
  }
  feedLink(): Locator {
    return this.main().getByRole('link', { name: this.text('feed'), exact: true });
  }
  questionsSection(): Locator {
    return this.page.getByRole('region', { name: this.text('questions'), exact: true });
  }
  questions(): Locator {
    return this.questionsSection().getByRole('list').getByRole('listitem');
  }

  // The FAQ.

  faqSearch(): Locator {
    return this.page.getByLabel(this.text('faqSearch'), { exact: true });
  }
  /** The FAQ's questions that are shown now (hidden ones are out of the accessibility tree). */
  faqQuestions(): Locator {
    return this.main().locator('details:visible > summary');
  }

  // The schedule.

  sessions(): Locator {
    return this.main().locator('.slot-list > li');
  }
  /** The value of a fact of a session ("Places left", ...). */
  fact(scope: Locator, term: string): Locator {
    return scope.locator('dt').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }
}

/** A reception session as the API lists it. */
export interface Session {
  id: number;
  official: Record<Lang, string>;
  starts_at: number;
  capacity: number;
  requested: number;
}

/**
 * Adds a reception session to `slug`'s schedule as its moderator would in the office, `days`
 * ahead, and returns it. The official's name is unique, so the test finds its own session.
 */
export async function addSession(api: APIRequest, baseURL: string | undefined, slug: Slug, capacity: number, days = 3): Promise<Session> {
  const request = await api.newContext({ baseURL });
  const login = await request.post('/api/v1/auth/login', { data: { email: staffEmail('moderator', slug), password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const csrf = (await login.json()).csrf_token;
  const stamp = Date.now();
  const text = (kk: string, ru: string, en: string) => ({ kk, ru, en });
  const res = await request.post(`/api/v1/office/bodies/${slug}/schedule`, {
    headers: { 'x-csrf-token': csrf },
    data: {
      official: text(`Тест Қабылдаушы ${stamp}`, `Тест Принимающий ${stamp}`, `Test Receiver ${stamp}`),
      position: text('Вице-министр', 'Вице-министр', 'Vice minister'),
      starts_at: Math.floor(Date.now() / 1000) + days * 86_400,
      minutes: 60,
      place: text('Астана, Министрліктер үйі', 'Астана, Дом министерств', 'Astana, House of Ministries'),
      online: false,
      capacity,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const session = await res.json();
  await request.dispose();
  return session;
}
