import { hasClip, pasteClip } from '../editing/clipboard';
import { register } from './register';

export const actionPaste = register({
  name: 'paste',
  group: 'edit',
  keys: ['Mod+V'],
  enabled: hasClip,
  perform: pasteClip,
});
