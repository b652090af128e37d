// Headless Chromium for end-to-end tests, and the app served on a loopback port for it to visit.
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { testEnvironment, type SiteIdentity } from '../../src/config.ts';
import { openSeededApp } from './test-app.ts';

export const SCREENSHOT_DIR = new URL('../../test-results/', import.meta.url).pathname;

/**
 * Chromium, or undefined with a loud notice when it is not installed. Under CI=true a missing
 * browser fails the run instead: CI must run every test.
 */
export async function launchBrowser(): Promise<Browser | undefined> {
  const path = testEnvironment.chromiumPath;
  if (!existsSync(path)) {
    const message = `Chromium not found at ${path} (set CHROMIUM_PATH or apt-get install chromium)`;
    if (testEnvironment.ci) throw new Error(`${message}; CI=true requires browser tests to run.`);
    process.stderr.write(`\n!!!!!!!! SKIPPING BROWSER TESTS: ${message} !!!!!!!!\n\n`);
    return undefined;
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: path,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Pages are read as the site's readers read them, in a Chinese browser: headless Chromium's
  // default en-US Accept-Language would send a first visit to / on to /en. A test of the English
  // pages passes its own locale.
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ locale: 'zh-CN', ...options });
  browser.newPage = (options = {}) => newPage({ locale: 'zh-CN', ...options });
  return browser;
}

/** Serves an app on 127.0.0.1 at a free port. */
export async function listen(app: Hono): Promise<{ origin: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ origin: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/**
 * Inside a describe(): Chromium (or undefined, see launchBrowser) and a seeded app served on a
 * port for the suite's tests, with `site` configured; `prepare` runs on the database before
 * serving. Closed after the suite.
 */
export async function browserSuite(prepare?: (seeded: Awaited<ReturnType<typeof openSeededApp>>) => Promise<void>, site: Partial<SiteIdentity> = {}) {
  const browser = await launchBrowser();
  let seeded: Awaited<ReturnType<typeof openSeededApp>> | undefined;
  let server: Awaited<ReturnType<typeof listen>> | undefined;
  before(async () => {
    seeded = await openSeededApp({ site });
    await prepare?.(seeded);
    server = await listen(seeded.app);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await seeded?.close();
  });
  return {
    browser,
    get origin(): string {
      return server!.origin;
    },
    get seeded() {
      return seeded!;
    },
  };
}
