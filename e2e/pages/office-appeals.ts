import { expect, type APIRequestContext } from '@playwright/test';
import { linkIn, mailsTo, waitForMail } from '../support/mailbox';
import type { Slug } from './site';

/** Russian texts of the office's appeal pages (locales/ru.json, "office", "problem" and "status"). */
export const APPEAL_RU = {
  appeals: 'Электронные обращения',
  appealBadge: 'Обращение',
  leaveTitle: 'Оставить без рассмотрения',
  leaveButton: 'Оставить без рассмотрения и сообщить заявителю',
  extendTitle: 'Продлить срок рассмотрения',
  extendButton: 'Продлить срок и уведомить заявителя',
  sendTitle: 'Утвердить решение и направить заявителю',
  sendButton: 'Утвердить и направить заявителю',
  filesTitle: 'Файлы к решению',
  registered: 'Обращение зарегистрировано и направлено исполнителю.',
  redirected: 'Обращение направлено в компетентный орган. Заявителю отправлено письмо.',
  left: 'Обращение оставлено без рассмотрения. Заявителю отправлена причина.',
  extended: 'Срок продлён, заявителю отправлено письмо. Новый срок:',
  sent: 'Решение утверждено и направлено заявителю. Дело закрыто.',
  earlierExecutor: 'Исполнитель предыдущего обращения не может рассматривать это обращение:',
  problem: {
    previousExecutor: 'Этот исполнитель рассматривал предыдущее обращение заявителя: выберите другого',
    deadlineLate: 'Новый срок не может быть позже предельной даты: общий срок не более двух месяцев с регистрации',
    reason: 'Укажите причину',
    outcome: 'Выберите результат рассмотрения',
    fileType: 'Можно прикрепить только PDF, JPEG, PNG или DOCX',
  },
  status: {
    closed: 'Закрыт',
    left: 'Оставлено без рассмотрения',
  },
} as const;

/** A small real PDF: one empty page. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** An appeal as filed, with what its applicant got back. */
export interface Filed {
  number: string;
  email: string;
  /** `YYYY-MM-DD`. */
  deadline: string;
  /** The tracking code from the registration email's link. */
  code: string;
}

/** `YYYY-MM-DD` as the office shows it. */
export const shown = (iso: string): string => iso.split('-').reverse().join('.');

/**
 * Files an appeal in Russian through the citizen API, as the appeal form does: a code to the
 * email address, then the form with the code and one PDF.
 */
export async function fileAppeal(
  request: APIRequestContext,
  options: { body: Slug; type: string; text: string; earlier?: string; email?: string },
): Promise<Filed> {
  const email = options.email ?? `appeal-${Date.now()}-${Math.floor(Math.random() * 1e6)}@mail.kz`;
  // A repeated appeal comes from the same address, so earlier codes are left aside.
  const codes = async () => (await mailsTo(email, 'Код подтверждения:')).map((m) => /\d{6}/.exec(m.subject ?? '')?.[0]);
  const used = await codes();
  const asked = await request.post('/api/v1/appeals/email-code', { data: { email, lang: 'ru' } });
  expect(asked.status(), await asked.text()).toBe(202);
  let emailCode: string | undefined;
  await expect
    .poll(async () => (emailCode = (await codes()).find((c) => c && !used.includes(c))), { message: `a new code for ${email}`, timeout: 20_000 })
    .toBeTruthy();

  const body = await (await request.get(`/api/v1/bodies/${options.body}`)).json();
  const form = {
    filer: 'individual',
    iin: '061211600012',
    surname: 'Сейітова',
    given_name: 'Әсел',
    patronymic: 'Нұрланқызы',
    email,
    phone: '+7 701 123 45 67',
    address: 'Астана, ул. Бейбітшілік, 10',
    appeal_type: options.type,
    body: options.body,
    category_id: body.categories[0].id,
    lang: 'ru',
    text: options.text,
    earlier_number: options.earlier ?? '',
    consent: true,
  };
  const res = await request.post('/api/v1/appeals', {
    multipart: {
      appeal: JSON.stringify({ form, email_code: emailCode }),
      file: { name: 'zayavlenie.pdf', mimeType: 'application/pdf', buffer: PDF },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const receipt = await res.json();
  const number: string = receipt.registration_number;
  const mail = await waitForMail(email, `Ваше обращение зарегистрировано: ${number}`);
  const link = new URL(linkIn(mail, '#number='));
  const code = new URLSearchParams(link.hash.slice(1)).get('code') ?? '';
  expect(code).toBe(receipt.tracking_code);
  return { number, email, deadline: receipt.deadline, code };
}

/** The applicant's view of the appeal, by number and code. */
export async function track(request: APIRequestContext, filed: Filed) {
  const res = await request.post('/api/v1/appeals/track', { data: { number: filed.number, code: filed.code } });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

/** The day after `iso`, `YYYY-MM-DD`. */
export function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
