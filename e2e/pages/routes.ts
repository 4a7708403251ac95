import { SECTIONS, SLUGS } from './site';

/** Every public route of the app, after the language prefix. Add new pages here as they are built. */
export const PUBLIC_ROUTES = [
  '',
  ...SLUGS.map((s) => `/bodies/${s}`),
  ...SECTIONS.map((s) => `/${s}`),
  '/questions/ask',
  '/questions/ask?body=enbek',
  '/questions/confirm#no-such-token',
  '/appeals/new',
  '/appeals/new?step=identity',
  '/appeals/new?step=contacts',
  '/appeals/new?step=type',
  '/appeals/new?step=body',
  '/appeals/new?step=text',
  '/appeals/new?step=check',
  '/appeals/track',
  '/appeals/track#number=%D0%96%D0%A2-2026-99999999&code=ABCDEFGH23',
  '/appeals/my',
  '/appeals/my#no-such-token',
  ...SLUGS.map((s) => `/bodies/${s}/questions`),
  '/bodies/enbek/questions?q=%D0%BF%D0%B5%D0%BD%D1%81%D0%B8',
  '/questions/1',
  '/questions/999999',
  '/no-such-page',
  '/bodies/no-such-body',
  // The search of every body's published answers (archive bundle), and the ask form's channels.
  '/search?q=%D0%BF%D0%B5%D0%BD%D1%81%D0%B8',
  '/search?q=zzzzzz&body=astana',
  '/questions/ask?body=enbek&channel=blog',
  '/questions/ask?body=enbek&channel=reception&slot=987654321',
  // A body's sections (the sections bundle); a real post's page is checked in blog.spec.ts.
  '/bodies/enbek/blog',
  '/bodies/enbek/blog/999999',
  '/bodies/enbek/faq',
  '/bodies/enbek/schedule',
  '/bodies/enbek/dialogue',
];

/** The staff office's routes: signed out, every one shows the sign-in form. */
export const OFFICE_ROUTES = [
  '/office',
  '/office/enbek/cases?status=received',
  '/office/enbek/cases?status=assigned&mine=true',
  '/office/enbek/cases?status=received&channel=appeal',
  '/office/cases/1',
  '/office/calendar',
  '/office/enbek/settings',
  // The content editor (the editor bundle); signed in, editor.spec.ts checks each page.
  '/office/enbek/blog',
  '/office/enbek/blog/new',
  '/office/enbek/blog/1',
  '/office/enbek/profile',
  '/office/enbek/faq',
  '/office/enbek/schedule',
  '/office/enbek/dialogue',
  '/office/enbek/indicators',
];
