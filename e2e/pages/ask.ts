import { expect, type Page } from '@playwright/test';

/** The "Ask a question" page in Russian, operated by label the way assistive technology does. */
export class AskPage {
  constructor(readonly page: Page) {}

  async open(body?: string): Promise<void> {
    await this.page.goto(`/ru/questions/ask${body ? `?body=${body}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Задать вопрос' })).toBeVisible();
    // The body's categories arrive after the page.
    if (body) await expect(this.category().locator('option')).not.toHaveCount(1);
  }

  category() {
    return this.page.getByLabel('Категория вопроса');
  }
  name() {
    return this.page.getByLabel('Ваше имя');
  }
  email() {
    return this.page.getByLabel('Электронная почта');
  }
  text() {
    return this.page.getByLabel('Ваш вопрос');
  }
  consent() {
    return this.page.getByLabel('Я согласен(на) на обработку моих персональных данных');
  }
  checkButton() {
    return this.page.getByRole('button', { name: 'Проверить перед отправкой' });
  }
  sendButton() {
    return this.page.getByRole('button', { name: 'Отправить вопрос' });
  }
  errorSummary() {
    return this.page.getByRole('alert').filter({ hasText: 'Есть ошибки' });
  }

  /** The registration number on the "sent" page. */
  async sentNumber(): Promise<string> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Ваш вопрос отправлен' })).toBeVisible({ timeout: 20_000 });
    const number = await this.page.locator('.reference').innerText();
    expect(number).toMatch(/^ЖТ-\d{4}-\d{8}$/);
    return number;
  }
}
