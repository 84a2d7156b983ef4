/**
 * Interface text in English and Simplified Chinese. Each area of the app keeps its own namespace
 * file (`locales/<lang>/<namespace>.json`) so that areas can grow independently.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

type Bundle = { default: Record<string, unknown> };

// English is the fallback and ships with the page; Chinese loads when it is chosen.
const english = import.meta.glob<Bundle>('./locales/en/*.json', { eager: true });
const chinese = import.meta.glob<Bundle>('./locales/zh/*.json');

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

const namespaceOf = (path: string) => /\/([\w-]+)\.json$/.exec(path)?.[1] ?? 'common';

/** Adds one namespace's text; an area's `actions` labels also join the editor's, where toolbar and help look. */
function addBundle(lang: Language, ns: string, data: Record<string, unknown>): void {
  i18n.addResourceBundle(lang, ns, data, true, true);
  if (ns !== 'editor' && data.actions && typeof data.actions === 'object') {
    i18n.addResourceBundle(lang, 'editor', { actions: data.actions }, true, false);
  }
}

const loaded = new Set<Language>(['en']);

/** Makes sure a language's text is loaded (call before switching to it). */
export async function ensureLanguage(lang: Language): Promise<void> {
  if (loaded.has(lang)) return;
  const bundles = await Promise.all(Object.entries(chinese).map(async ([path, load]) => [namespaceOf(path), (await load()).default] as const));
  for (const [ns, data] of bundles) addBundle(lang, ns, data);
  loaded.add(lang);
}

const STORAGE_KEY = 'warren.language';

/** Storage may be full or disabled (its getter then throws): the language is just not remembered. */
function remembered(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function detectLanguage(): Language {
  const saved = remembered();
  if (saved === 'en' || saved === 'zh') return saved;
  const langs = globalThis.navigator?.languages ?? [];
  return langs.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

export function setLanguage(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // full or disabled: the choice holds for this visit only
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void ensureLanguage(lang).then(() => i18n.changeLanguage(lang));
}

void i18n.use(initReactI18next).init({
  resources: {},
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes; names are always rendered as text
  returnNull: false,
});

for (const [path, mod] of Object.entries(english)) addBundle('en', namespaceOf(path), mod.default);

/** Loads the reader's language and switches to it; the page renders after this. */
export async function startLanguage(): Promise<void> {
  const lang = detectLanguage();
  await ensureLanguage(lang);
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export default i18n;
