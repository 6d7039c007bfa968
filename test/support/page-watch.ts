import type { Page } from 'playwright-core';

/**
 * What a page under test says that it should not: console errors and uncaught exceptions,
 * and dialogs (an `alert` from injected text), each dismissed so the page goes on.
 */
export function watchPage(page: Page): { consoleErrors: string[]; dialogs: string[] } {
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { consoleErrors, dialogs };
}
