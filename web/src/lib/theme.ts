// Keep in sync with the `themes:` list in src/index.css.
export const THEMES = [
  'light',
  'dark',
  'cupcake',
  'emerald',
  'synthwave',
  'retro',
  'valentine',
  'forest',
  'dracula',
  'nord',
  'business',
  'sunset',
] as const;

export type ThemeName = (typeof THEMES)[number];
/** 'system' = no explicit choice: light, or dark when the OS prefers dark. */
export type ThemeChoice = ThemeName | 'system';

export const THEME_STORAGE_KEY = 'echos-theme';

export function isTheme(value: unknown): value is ThemeName {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export function readStoredTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Applies the choice to <html data-theme> and persists it. */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage unavailable (private mode): the theme still applies for this visit.
  }
}
