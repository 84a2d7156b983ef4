/** Share: copy the link to the open document, or show it to copy by hand when the browser refuses. */
import i18n from '../i18n';
import { getDoc } from '../../store/document';
import { notify } from '../../store/ui';
import { shareLink } from './addressBar';
import { copyText } from './clipboard';
import { shareStore } from './store';

export async function shareDocument(): Promise<void> {
  const ok = await copyText(shareLink(getDoc()));
  if (ok) {
    notify('success', i18n.t('share:copied'), { label: i18n.t('share:dialogTitle'), run: () => shareStore.setState({ open: true, copyFailed: false }) });
  } else {
    shareStore.setState({ open: true, copyFailed: true });
  }
}
