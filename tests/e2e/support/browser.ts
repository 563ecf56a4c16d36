import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export type ColorScheme = "light" | "dark";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH désigne un fichier absent : ${fromEnv}`);
    return fromEnv;
  }
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    // `npx playwright install` cannot download browsers here: the system package is the only source.
    throw new Error(
      "Chromium introuvable : installez le paquet Debian `chromium` ou indiquez son chemin dans CHROMIUM_PATH.\n" +
        "Chromium not found: install the Debian `chromium` package or set CHROMIUM_PATH.",
    );
  }
}

/** Playwright gives each launch a fresh temporary profile, so no state leaks between files. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}

export interface BrowserPage {
  context: BrowserContext;
  page: Page;
}

/** The app follows the system colour scheme, so the context's emulated preference chooses the DSFR theme. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  colorScheme: ColorScheme = "light",
): Promise<BrowserPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    colorScheme,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    reducedMotion: "reduce",
  });
  const page = await context.newPage();
  return { context, page };
}
