/** An operation waits for the broker's answer, which takes virtual time: a paused run answers on Play. */
import { useTranslation } from 'react-i18next';
import { hintClass } from '../inspector/fields/styles';

export function Waiting({ playing }: { playing: boolean }) {
  const { t } = useTranslation('management');
  return (
    <p role="status" data-management-waiting className={hintClass}>
      {t(playing ? 'waiting' : 'waitingPaused')}
    </p>
  );
}
