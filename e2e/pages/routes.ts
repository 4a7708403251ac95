import { SECTIONS, SLUGS } from './site';

/** Every public route of the app, after the language prefix. Add new pages here as they are built. */
export const PUBLIC_ROUTES = [
  '',
  ...SLUGS.map((s) => `/bodies/${s}`),
  ...SECTIONS.map((s) => `/${s}`),
  '/questions/ask',
  '/questions/ask?body=enbek',
  '/questions/confirm#no-such-token',
  ...SLUGS.map((s) => `/bodies/${s}/questions`),
  '/bodies/enbek/questions?q=%D0%BF%D0%B5%D0%BD%D1%81%D0%B8',
  '/questions/1',
  '/questions/999999',
  '/no-such-page',
  '/bodies/no-such-body',
];

/** The staff office's routes: signed out, every one shows the sign-in form. */
export const OFFICE_ROUTES = [
  '/office',
  '/office/enbek/cases?status=received',
  '/office/enbek/cases?status=assigned&mine=true',
  '/office/cases/1',
  '/office/calendar',
  '/office/enbek/settings',
];
