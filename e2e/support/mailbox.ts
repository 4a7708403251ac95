import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect } from '@playwright/test';

/** Mail delivered to the test SMTP server (aiosmtpd's Maildir). */
const maildir = (): string => {
  const dir = process.env.E2E_MAILDIR;
  if (!dir) throw new Error('E2E_MAILDIR is not set: run the tests with `cargo xtask e2e`');
  return dir;
};

async function all(): Promise<ParsedMail[]> {
  const mails: ParsedMail[] = [];
  for (const sub of ['new', 'cur']) {
    const dir = join(maildir(), sub);
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names) mails.push(await simpleParser(await readFile(join(dir, name))));
  }
  return mails;
}

/** Waits for a message to `to` whose subject contains `subject`, and returns it. */
export async function waitForMail(to: string, subject: string): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await all()).find(
          (m) => m.subject?.includes(subject) && JSON.stringify(m.to ?? '').toLowerCase().includes(to.toLowerCase()),
        );
        return found !== undefined;
      },
      { message: `an email to ${to} about "${subject}"`, timeout: 20_000 },
    )
    .toBe(true);
  return found as ParsedMail;
}

/** Every message delivered so far to `to` whose subject contains `subject`. */
export async function mailsTo(to: string, subject: string): Promise<ParsedMail[]> {
  return (await all()).filter(
    (m) => m.subject?.includes(subject) && JSON.stringify(m.to ?? '').toLowerCase().includes(to.toLowerCase()),
  );
}

/** The first link in the message's text part that contains `part`. */
export function linkIn(mail: ParsedMail, part: string): string {
  const link = (mail.text ?? '').split(/\s+/).find((word) => word.includes(part));
  if (!link) throw new Error(`no link with ${part} in: ${mail.text}`);
  return link;
}
