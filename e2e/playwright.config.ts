import { defineConfig } from '@playwright/test';

// `cargo xtask test` (or `cargo xtask e2e`) builds the release server and the app, picks a free
// port and a fresh database, and passes them here.
const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`cargo xtask e2e\``);
  return value;
};

const port = Number(need('E2E_PORT'));
const smtpPort = Number(need('E2E_SMTP_PORT'));

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'kk-KZ',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Without the networking flags Chromium keeps calling hosts this machine cannot reach.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      // A real SMTP server on loopback; tests read the delivered mail from its Maildir.
      command: `python3 -m aiosmtpd -n -l 127.0.0.1:${smtpPort} -c aiosmtpd.handlers.Mailbox ${need('E2E_MAILDIR')}`,
      port: smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
    command: need('E2E_SERVER_BIN'),
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      BIND: '127.0.0.1',
      DATABASE_URL: need('E2E_DATABASE_URL'),
      DIST_DIR: need('E2E_DIST_DIR'),
      DEMO_CONTENT: 'true',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      // Cheap anti-spam work keeps the tests quick; the mechanism is the same.
      POW_DIFFICULTY: '8',
      // Every test sends its forms from 127.0.0.1; the limits themselves are tested in the API tests.
      RATE_LIMIT_SCALE: '20',
      RUST_LOG: 'warn',
    },
    },
  ],
});
