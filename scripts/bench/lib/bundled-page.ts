import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../test/helpers/browser.js';

/**
 * Runs `work` in headless Chromium on a blank page carrying `entry` bundled for the browser (the
 * same code the Node half of a benchmark measures); the browser is closed whatever happens.
 */
export async function withBundledPage<T>(entry: string, work: (page: Page) => Promise<T>): Promise<T> {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const { browser, close } = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
    return await work(page);
  } finally {
    await close();
  }
}
