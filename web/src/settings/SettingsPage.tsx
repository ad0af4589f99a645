import { PageContainer } from '../components/AppLayout';
import { CheckIcon } from '../components/icons';
import { THEMES, type ThemeChoice } from '../lib/theme';
import { useTheme } from '../store/theme';
import { NotificationSettings } from './NotificationSettings';
import { PrivacySettings } from './PrivacySettings';

const LABELS: Partial<Record<ThemeChoice, string>> = { system: 'System' };

function label(theme: ThemeChoice) {
  return LABELS[theme] ?? theme.charAt(0).toUpperCase() + theme.slice(1);
}

/** A mini preview rendered in the theme itself (daisyUI scopes themes by data-theme). */
function Swatch({ theme }: { theme: ThemeChoice }) {
  return (
    <span
      data-theme={theme === 'system' ? undefined : theme}
      className="flex items-center gap-1 rounded-md bg-base-100 border border-base-300 p-2"
      aria-hidden="true"
    >
      <span className="size-3 rounded-full bg-primary" />
      <span className="size-3 rounded-full bg-secondary" />
      <span className="size-3 rounded-full bg-accent" />
      <span className="size-3 rounded-full bg-neutral" />
    </span>
  );
}

export function SettingsPage() {
  const current = useTheme((s) => s.theme);
  const setTheme = useTheme((s) => s.setTheme);
  const choices: ThemeChoice[] = ['system', ...THEMES];

  return (
    <PageContainer title="Settings">
      <NotificationSettings />
      <PrivacySettings />
      <section className="card bg-base-100 shadow-sm" aria-labelledby="theme-heading">
        <div className="card-body p-5 sm:p-8 gap-4">
          <div>
            <h2 id="theme-heading" className="text-lg font-semibold">
              Theme
            </h2>
            <p className="text-sm text-base-content/60">Choose how Echos looks on this device.</p>
          </div>
          <div className="grid grid-cols-2 sm:grid-cols-3 gap-3" role="group" aria-labelledby="theme-heading">
            {choices.map((theme) => {
              const selected = theme === current;
              return (
                <button
                  key={theme}
                  type="button"
                  onClick={() => setTheme(theme)}
                  aria-pressed={selected}
                  data-testid={`theme-${theme}`}
                  className={`flex flex-col items-stretch gap-2 rounded-box border-2 p-2 text-left transition-colors hover:bg-base-200 ${
                    selected ? 'border-primary' : 'border-base-300'
                  }`}
                >
                  <Swatch theme={theme} />
                  <span className="flex items-center justify-between text-sm font-medium px-1">
                    {label(theme)}
                    {selected && <CheckIcon className="size-4 text-primary" />}
                  </span>
                </button>
              );
            })}
          </div>
        </div>
      </section>
    </PageContainer>
  );
}
