import i18n from '../i18n';
import { emptyScenario } from '../../scenario/factory';
import { getDoc } from '../../store/document';
import { askConfirm } from '../../store/ui';
import { openDocument } from '../openDocument';
import { register } from './register';

/** Start a fresh canvas; asks first when that would discard anything. */
export const actionNewDocument = register({
  name: 'newDocument',
  group: 'document',
  perform: () => {
    const doc = getDoc();
    if (!doc.nodes.length && doc.title === emptyScenario().title) {
      openDocument(emptyScenario());
      return;
    }
    askConfirm({
      title: i18n.t('editor:confirmNew.title'),
      body: i18n.t('editor:confirmNew.body', { title: doc.title, count: doc.nodes.length }),
      confirmLabel: i18n.t('editor:confirmNew.confirm'),
      onConfirm: () => openDocument(emptyScenario()),
    });
  },
});
