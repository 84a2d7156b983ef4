/** Actions for lessons, presentation, sharing and files: toolbar, keyboard and tests alike. */
import { register } from '../actions/register';
import { openGallery } from '../gallery/store';
import { exportJson } from '../io/exports';
import { pickFile } from '../io/importFile';
import { currentLesson, lessonStore, nextStep, previousStep, setLessonOpen } from '../lessons/store';
import { shareDocument } from '../share/share';
import { togglePresentation } from './presentation';

// Toolbar and help labels live with this area's text (lessons.json, `actions.*`); i18n.ts merges
// them into the editor's when it loads a language.

const lessonShown = () => lessonStore.getState().open && !!currentLesson()?.steps.length;

register({ name: 'togglePresentation', group: 'view', keys: ['P'], perform: togglePresentation });
register({ name: 'lessonNext', group: 'view', keys: ['PageDown', 'N'], enabled: lessonShown, perform: nextStep });
register({ name: 'lessonBack', group: 'view', keys: ['PageUp', 'B'], enabled: lessonShown, perform: previousStep });
register({
  name: 'toggleLesson',
  group: 'view',
  keys: ['L'],
  enabled: () => !!currentLesson()?.steps.length,
  perform: () => setLessonOpen(!lessonStore.getState().open),
});
register({ name: 'openGallery', group: 'document', perform: openGallery });
register({ name: 'share', group: 'document', perform: () => void shareDocument() });
register({ name: 'importFile', group: 'document', keys: ['Mod+O'], perform: pickFile });
register({ name: 'exportJson', group: 'document', keys: ['Mod+S'], perform: exportJson });
