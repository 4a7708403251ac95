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

/** CRC-32 of `data`, as ZIP entries carry it. */
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A small real DOCX: a stored (uncompressed) ZIP with the three parts Word needs. */
export function docx(text: string): Buffer {
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ' +
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
        'Target="word/document.xml"/></Relationships>',
    ],
    [
      'word/document.xml',
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        `<w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ],
  ];
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = Buffer.from(content, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(fileName.length, 26);
    local.push(header, fileName, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

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
