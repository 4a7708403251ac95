import { expect, type APIRequest, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { linkIn, waitForMail } from '../support/mailbox';
import { AskPage } from './ask';
import type { Lang, Slug } from './site';

/** The password of every demo staff account. */
export const DEMO_PASSWORD = 'demo12345';
export type Role = 'moderator' | 'executor' | 'head' | 'administrator';
/** The demo account with `role` in the body `slug`. */
export const staffEmail = (role: Role, slug: Slug): string => `${role}.${slug}@demo.reception.kz`;
/** The platform administrator (administrator of every demo body, may edit the calendar). */
export const PLATFORM_ADMIN = 'admin@demo.reception.kz';
/** The demo executor's name as the office shows it; the demo executor works in the body's first department. */
export const executorName = (slug: Slug): string => `Demo executor (${slug})`;

/** Office texts the tests look for in every language (locales/*.json, "office"). */
export const OFFICE_TEXT = {
  loginTitle: { kk: 'Кабинетке кіру', ru: 'Вход в кабинет', en: 'Sign in to the office' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'Email' },
  password: { kk: 'Құпиясөз', ru: 'Пароль', en: 'Password' },
  signIn: { kk: 'Кіру', ru: 'Войти', en: 'Sign in' },
  nav: { kk: 'Кабинет', ru: 'Кабинет', en: 'Office' },
  homeTitle: { kk: 'Қызметкер кабинеті', ru: 'Кабинет сотрудника', en: 'Staff office' },
  moderate: { kk: 'Модерацияны күтіп тұрған сұрақтар', ru: 'Вопросы на модерации', en: 'Questions waiting for moderation' },
  mine: { kk: 'Менің істерім', ru: 'Мои дела', en: 'My cases' },
  approve: { kk: 'Бекітуді күтіп тұрған жауаптар', ru: 'Ответы на утверждении', en: 'Answers waiting for approval' },
  overdue: { kk: 'Мерзімі өткен істер', ru: 'Просроченные дела', en: 'Overdue cases' },
  cases: { kk: 'Істер', ru: 'Дела', en: 'Cases' },
  calendar: { kk: 'Жұмыс күндерінің күнтізбесі', ru: 'Календарь рабочих дней', en: 'Working-day calendar' },
  settings: { kk: 'Орган баптаулары', ru: 'Настройки органа', en: 'Body settings' },
  caseTitle: { kk: 'Іс', ru: 'Дело', en: 'Case' },
  dayForm: { kk: 'Күнді қосу немесе өзгерту', ru: 'Добавить или изменить день', en: 'Add or change a day' },
  answerDays: {
    kk: 'Сұраққа жауап беру мерзімі, жұмыс күнімен',
    ru: 'Срок ответа на вопрос, в рабочих днях',
    en: 'Time to answer a question, in working days',
  },
} as const;

/** Russian texts of the office (locales/ru.json, "office" and "problem"). */
export const RU = {
  errorSummary: 'Есть ошибки',
  loginFailed: 'Неверная электронная почта или пароль. Проверьте и попробуйте ещё раз.',
  forbidden: 'У вас нет прав на это действие: ваша роль в этом органе его не допускает.',
  sessionEnded: 'Сеанс завершён. Обновите страницу и войдите снова. Введённый текст пока остаётся на этой странице.',
  signOut: 'Выйти',
  signOutEverywhere: 'Выйти на всех устройствах',
  hasPersonalData: 'Есть персональные данные',
  personalDataWarning: 'В тексте есть персональные данные. Скройте их в публикуемой версии:',
  registerTitle: 'Зарегистрировать и направить исполнителю',
  rejectTitle: 'Отказать в регистрации',
  redirectTitle: 'Направить в компетентный орган',
  answerTitle: 'Подготовка ответа',
  publishTitle: 'Утвердить и опубликовать ответ',
  returnTitle: 'Вернуть исполнителю на доработку',
  registered: 'Вопрос зарегистрирован и направлен исполнителю.',
  rejected: 'В регистрации отказано. Гражданину отправлена причина.',
  redirected: 'Вопрос направлен в компетентный орган.',
  answered: 'Ответ отправлен на утверждение.',
  published: 'Ответ опубликован. Гражданину отправлено письмо.',
  returned: 'Ответ возвращён исполнителю на доработку.',
  status: {
    received: 'Принят',
    assigned: 'Передан исполнителю',
    answered: 'Ответ подготовлен',
    published: 'Опубликован',
    rejected: 'Отклонён',
  },
} as const;

/**
 * Fails the test on console errors and uncaught exceptions of a page the test opened itself, as
 * the `page` fixture does for its own page. Returns the list to check at the end.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** The staff office, seen by label and role the way assistive technology meets it. */
export class OfficePage {
  constructor(
    readonly page: Page,
    readonly lang: Lang = 'ru',
  ) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Opens `/{lang}/office{path}` and waits for the page's heading. */
  async open(path = ''): Promise<void> {
    await this.page.goto(`/${this.lang}/office${path}`);
    await expect(this.heading()).toBeVisible();
  }

  // The sign-in form.

  emailField(): Locator {
    return this.page.getByLabel(OFFICE_TEXT.email[this.lang], { exact: true });
  }
  passwordField(): Locator {
    return this.page.getByLabel(OFFICE_TEXT.password[this.lang], { exact: true });
  }
  signInButton(): Locator {
    return this.page.getByRole('button', { name: OFFICE_TEXT.signIn[this.lang], exact: true });
  }
  /** The server's refusal of a sign-in (an alert above the form). */
  refusal(): Locator {
    return this.page.locator('#login-refusal');
  }

  async expectSignInForm(): Promise<void> {
    await expect(this.heading()).toHaveText(OFFICE_TEXT.loginTitle[this.lang]);
    await expect(this.emailField()).toBeVisible();
  }

  /** Signs in through the form on the current office page; the page asked for then opens. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.expectSignInForm();
    await this.emailField().fill(email);
    await this.passwordField().fill(password);
    await this.signInButton().click();
    await expect(this.nav()).toBeVisible();
  }

  // Everywhere once signed in.

  nav(): Locator {
    return this.page.getByRole('navigation', { name: OFFICE_TEXT.nav[this.lang], exact: true });
  }
  signOutButton(): Locator {
    return this.nav().getByRole('button', { name: RU.signOut, exact: true });
  }
  signOutEverywhereButton(): Locator {
    return this.nav().getByRole('button', { name: RU.signOutEverywhere, exact: true });
  }
  /** The GOV.UK-style error summary of the form in `scope`. */
  errorSummary(scope: Page | Locator = this.page): Locator {
    return scope.getByRole('alert').filter({ hasText: RU.errorSummary });
  }

  // The work list.

  /** A body's part of the work list, named by its heading. */
  bodySection(bodyName: string): Locator {
    return this.page.getByRole('region', { name: bodyName, exact: true });
  }

  /** Follows a link of a body's work list and waits for the list it leads to. */
  async openTask(bodyName: string, task: string): Promise<void> {
    await this.bodySection(bodyName).getByRole('link', { name: task, exact: true }).click();
    await expect(this.heading()).toHaveText(task);
  }

  // A list of cases.

  casesTable(): Locator {
    return this.page.getByRole('table');
  }
  caseLink(number: string): Locator {
    return this.casesTable().getByRole('link', { name: number, exact: true });
  }
  /** Waits until a case list has loaded: its count, or the words that it is empty. */
  async waitForList(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /^(Найдено дел: \d+|Дел с такими условиями нет\.)$/ })).toBeVisible();
  }
  caseRow(number: string): Locator {
    return this.casesTable().getByRole('row').filter({ has: this.page.getByRole('link', { name: number, exact: true }) });
  }
  async openCase(number: string): Promise<void> {
    await this.caseLink(number).click();
    await expect(this.heading()).toHaveText(`${OFFICE_TEXT.caseTitle[this.lang]} ${number}`);
  }

  // One case.

  /** The value of a fact of the case ("Статус", "Исполнитель", ...). */
  fact(term: string): Locator {
    return this.page.locator('dl.facts > dt').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }
  /** What the last move did; it takes focus. */
  outcome(): Locator {
    return this.page.locator('#case-outcome');
  }
  /** One move's form, as the region its heading names. */
  action(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }
  history(): Locator {
    return this.page.getByRole('region', { name: 'История дела', exact: true });
  }
  forms(): Locator {
    return this.page.getByRole('main').locator('form');
  }
}

/** Presses `key` (Tab or Shift+Tab) until `target` has focus, as a keyboard user moves through a page. */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `reached with ${key} within ${max} presses`).toBeFocused();
}

/** A staff member in a browser context of their own, with its own console check. */
export class StaffSession {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly office: OfficePage,
    private readonly problems: string[],
  ) {}

  /** A new context, signed in as `email` through the sign-in form at `/{lang}/office{path}`. */
  static async signIn(browser: Browser, baseURL: string | undefined, email: string, path = '', lang: Lang = 'ru'): Promise<StaffSession> {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const problems = watchConsole(page);
    const office = new OfficePage(page, lang);
    await office.open(path);
    await office.signIn(email);
    return new StaffSession(context, page, office, problems);
  }

  async close(): Promise<void> {
    expect(this.problems, 'errors in the browser console').toEqual([]);
    await this.context.close();
  }
}

/** A citizen's question, asked through the Russian form and confirmed from the email. */
export interface Asked {
  number: string;
  email: string;
  text: string;
}

export async function askAndConfirm(
  page: Page,
  options: { body: Slug; category: string; text: string; name?: string; email?: string },
): Promise<Asked> {
  const ask = new AskPage(page);
  await ask.open(options.body);
  const email = options.email ?? `office-${Date.now()}-${Math.floor(Math.random() * 1e6)}@mail.kz`;
  await ask.category().selectOption({ label: options.category });
  await ask.name().fill(options.name ?? 'Айгуль Сеитова');
  await ask.email().fill(email);
  await ask.text().fill(options.text);
  await ask.consent().check();
  await ask.checkButton().click();
  await ask.sendButton().click();
  const number = await ask.sentNumber();
  await page.goto(linkIn(await waitForMail(email, `Подтвердите ваш вопрос: ${number}`), '/questions/confirm#'));
  await expect(page.getByRole('heading', { level: 1, name: 'Почта подтверждена' })).toBeVisible();
  return { number, email, text: options.text };
}

/** The office API as a staff member, for preparing a case before the move a test is about. */
export class StaffApi {
  private constructor(
    readonly request: APIRequestContext,
    private readonly csrf: string,
  ) {}

  /** Signs in as `email` in a request context of its own (`playwright.request`). */
  static async signIn(api: APIRequest, baseURL: string | undefined, email: string): Promise<StaffApi> {
    const request = await api.newContext({ baseURL });
    const res = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
    expect(res.status(), `sign-in of ${email}`).toBe(200);
    return new StaffApi(request, (await res.json()).csrf_token);
  }

  async dispose(): Promise<void> {
    await this.request.dispose();
  }

  /** The id of the case `number` in a body's list (the moderation queue unless `status` says otherwise). */
  async caseId(slug: Slug, number: string, status = 'received'): Promise<number> {
    const res = await this.request.get(`/api/v1/office/bodies/${slug}/cases?status=${status}`);
    expect(res.status()).toBe(200);
    const found = (await res.json()).find((c: { number: string }) => c.number === number);
    expect(found, `case ${number} in ${slug}'s ${status} list`).toBeTruthy();
    return found.id;
  }

  /** Registers the case to the body's demo executor (in its first department), in `category` (its code). */
  async register(slug: Slug, id: number, category: string): Promise<void> {
    const body = await (await this.request.get(`/api/v1/bodies/${slug}`)).json();
    const categoryId = body.categories.find((c: { code: string }) => c.code === category).id;
    const executors = await (await this.request.get(`/api/v1/office/bodies/${slug}/executors`)).json();
    const executor = executors.find((e: { name: string }) => e.name === executorName(slug));
    const res = await this.request.post(`/api/v1/office/cases/${id}/register`, {
      data: { category_id: categoryId, department_id: executor.department_id, executor_id: executor.id },
      headers: { 'x-csrf-token': this.csrf },
    });
    expect(res.status(), await res.text()).toBe(200);
  }

  async answer(id: number, html: string): Promise<void> {
    const res = await this.request.post(`/api/v1/office/cases/${id}/answer`, {
      data: { answer_html: html },
      headers: { 'x-csrf-token': this.csrf },
    });
    expect(res.status(), await res.text()).toBe(204);
  }
}
