/** Transport icons (filled shapes read better than lines at this size). */
const base = { width: 16, height: 16, viewBox: '0 0 24 24', 'aria-hidden': true } as const;

export const IconPlay = () => <svg {...base}><path d="M7 4.5v15a1 1 0 0 0 1.5.86l12.5-7.5a1 1 0 0 0 0-1.72L8.5 3.64A1 1 0 0 0 7 4.5z" fill="currentColor" /></svg>;
export const IconPause = () => <svg {...base}><rect x="6" y="4" width="4.5" height="16" rx="1.2" fill="currentColor" /><rect x="13.5" y="4" width="4.5" height="16" rx="1.2" fill="currentColor" /></svg>;
export const IconStep = () => <svg {...base}><path d="M5 5.5v13a1 1 0 0 0 1.5.86l10-6.5a1 1 0 0 0 0-1.72l-10-6.5A1 1 0 0 0 5 5.5z" fill="currentColor" /><rect x="17" y="4.5" width="3" height="15" rx="1" fill="currentColor" /></svg>;
export const IconStepBack = () => <svg {...base}><path d="M19 5.5v13a1 1 0 0 1-1.5.86l-10-6.5a1 1 0 0 1 0-1.72l10-6.5A1 1 0 0 1 19 5.5z" fill="currentColor" /><rect x="4" y="4.5" width="3" height="15" rx="1" fill="currentColor" /></svg>;
export const IconReset = () => (
  <svg {...base} fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round">
    <path d="M4 12a8 8 0 1 0 2.4-5.7" />
    <path d="M4 4v5h5" />
  </svg>
);
export const IconInfo = () => (
  <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round">
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v6M12 7.5v.01" />
  </svg>
);
