import { expect, type Locator, type Page } from '@playwright/test';
import { waitForMail } from '../support/mailbox';

/** Russian texts of the appeals pages (locales/ru.json, "appeals" and "problem"). */
export const APPEALS_RU = {
  steps: {
    who: 'Кто подаёт обращение',
    identity: 'Ваши данные',
    contacts: 'Контакты',
    type: 'Вид обращения',
    body: 'Государственный орган',
    text: 'Текст обращения и файлы',
    check: 'Проверьте и отправьте',
    done: 'Обращение зарегистрировано',
  },
  track: 'Отслеживание обращения',
  my: 'Мои обращения',
  mySent: 'Проверьте почту',
  notFound: 'Обращения с таким номером и кодом нет. Сверьте номер и код с письмом и введите ещё раз.',
  problem: {
    iin: 'ИИН указан с ошибкой: сверьте цифры с удостоверением личности',
    bin: 'БИН указан с ошибкой: сверьте цифры с документами организации',
    fileType: 'Содержимое файла — не PDF, JPG, PNG или DOCX: удалите его и прикрепите нужный файл',
  },
} as const;

/** A small real PDF: one empty page. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

export const uniqueEmail = (who: string): string => `${who}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@mail.kz`;

/** The 6-digit code from the newest code email to `email`. */
export async function emailCode(email: string): Promise<string> {
  const mail = await waitForMail(email, 'Код подтверждения:');
  const code = /\b\d{6}\b/.exec(mail.text ?? '')?.[0];
  expect(code, `a 6-digit code in: ${mail.text}`).toBeTruthy();
  return code as string;
}

/** The "File an appeal" wizard in Russian, operated by label the way assistive technology does. */
export class AppealWizard {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
  async expectStep(title: string): Promise<void> {
    await expect(this.heading()).toHaveText(title);
  }
  async open(): Promise<void> {
    await this.page.goto('/ru/appeals/new');
    await this.expectStep(APPEALS_RU.steps.who);
  }
  continueButton(): Locator {
    return this.page.getByRole('button', { name: 'Продолжить' });
  }
  async next(title: string): Promise<void> {
    await this.continueButton().click();
    await this.expectStep(title);
  }
  back(): Locator {
    return this.page.getByRole('link', { name: 'Назад' });
  }
  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Есть ошибки' });
  }
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async person(p: { iin: string; surname: string; given: string; patronymic?: string }): Promise<void> {
    await this.field('ИИН').fill(p.iin);
    await this.field('Фамилия').fill(p.surname);
    await this.field('Имя').fill(p.given);
    if (p.patronymic) await this.field('Отчество (если есть)').fill(p.patronymic);
  }

  /** Asks for the code, reads it from the mail and types it in. */
  async contacts(email: string): Promise<void> {
    await this.field('Электронная почта').fill(email);
    await this.page.getByRole('button', { name: 'Отправить код' }).click();
    await expect(this.page.getByText('Код отправлен на адрес')).toBeVisible();
    await this.field('Код из письма').fill(await emailCode(email));
    await this.field('Телефон').fill('8 701 123 45 67');
  }

  async body(category: string, body = 'Министерство труда и социальной защиты населения Республики Казахстан'): Promise<void> {
    await this.field('Государственный орган').selectOption({ label: body });
    const topic = this.field('Тема обращения');
    await expect(topic.locator('option', { hasText: category })).toHaveCount(1);
    await topic.selectOption({ label: category });
  }

  text(): Locator {
    return this.field('Текст обращения');
  }
  files(): Locator {
    return this.field('Файлы (необязательно)');
  }
  consent(): Locator {
    return this.field('Я согласен(на) на обработку моих персональных данных для рассмотрения обращения');
  }
  sendButton(): Locator {
    return this.page.getByRole('button', { name: 'Отправить обращение' });
  }

  /** The registration number on the receipt. */
  async receiptNumber(prefix: 'ЖТ' | 'ЗТ'): Promise<string> {
    await this.expectStep(APPEALS_RU.steps.done);
    const number = await this.page.locator('.reference').innerText();
    expect(number).toMatch(new RegExp(`^${prefix}-\\d{4}-\\d{8}$`));
    return number;
  }

  /** A fact of the receipt or the tracking page, by its term. */
  fact(term: string): Locator {
    return this.page.locator('.facts > div').filter({ has: this.page.getByText(term, { exact: true }) }).locator('dd');
  }
}

/** The tracking page. */
export class TrackPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/ru/appeals/track');
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText(APPEALS_RU.track);
  }
  async lookUp(number: string, code: string): Promise<void> {
    await this.page.getByLabel('Регистрационный номер', { exact: true }).fill(number);
    await this.page.getByLabel('Код для отслеживания', { exact: true }).fill(code);
    await this.page.getByRole('button', { name: 'Показать' }).click();
  }
  refusal(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Обращения с таким номером' });
  }
}
