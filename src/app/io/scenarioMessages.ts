/**
 * Import and export messages from the scenario layer, said in the app's language. Their English is
 * the scenario layer's own (`MESSAGES_EN`), registered here so there is one English text; Chinese is
 * `locales/zh/io.json`'s `msg`.
 */
import i18n from '../i18n';
import { MESSAGES_EN, renderMessage, type ScenarioMessage } from '../../scenario/messages';

i18n.addResourceBundle('en', 'io', { msg: MESSAGES_EN }, true, false);

export const sayMessage = (m: ScenarioMessage): string => renderMessage(m, (code, params) => i18n.t(`io:msg.${code}`, params));
