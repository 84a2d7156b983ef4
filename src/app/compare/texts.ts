/** The Compare dialog's texts, in both languages: loaded with the dialog, not with the page. */
import i18n from '../i18n';
import en from './locales/en.json';
import zh from './locales/zh.json';

i18n.addResourceBundle('en', 'compare', en, true, true);
i18n.addResourceBundle('zh', 'compare', zh, true, true);
