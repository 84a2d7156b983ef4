/** An editor command: one per file, registered once, run by the toolbar, the keyboard and tests. */
export interface Action {
  /** Stable id; also the i18n key `actions.<name>` in the `editor` namespace. */
  name: string;
  /** Shortcuts such as `Mod+Z`, `Shift+Mod+Z`, `Delete`, `?`. `Mod` is Cmd on macOS, Ctrl elsewhere. */
  keys?: string[];
  /** Group shown in the help dialog. */
  group: 'edit' | 'view' | 'document' | 'simulation';
  perform: () => void;
  /** Whether it applies now; the toolbar disables it and the keyboard skips it when false. */
  enabled?: () => boolean;
  /** Also run while typing in a text field (default: no, so the field gets the key). */
  inInputs?: boolean;
}
