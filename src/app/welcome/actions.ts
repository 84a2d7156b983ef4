import { register } from '../actions/register';
import { openWelcome } from './store';

/** Reopen the welcome and its learning path (from the gallery, the help dialog, or the keyboard). */
register({ name: 'openWelcome', group: 'document', perform: openWelcome });
