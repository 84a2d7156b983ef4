import { useEffect } from 'react';
import { useUi } from '../store/ui';

/** Dark theme is a class on <html>, so Tailwind's `dark:` and React Flow's colours follow it. */
export function useThemeClass(): void {
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark');
  }, [theme]);
}
