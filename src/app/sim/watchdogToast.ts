/** Says so when the watchdog restarted the simulation worker (bridge.ts), in the reader's language. */
import i18n from '../i18n';
import { notify } from '../../store/ui';
import { simulation } from './bridge';
import { STALL_MS } from './watchdog';

export function toastWatchdog(): () => void {
  return simulation().watchdog.onFire((why, program) => {
    const key = program ? 'program' : why;
    notify('error', i18n.t(`simulation:watchdog.${key}`, { seconds: STALL_MS / 1000 }));
  });
}
