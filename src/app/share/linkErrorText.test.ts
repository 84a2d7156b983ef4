import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import enShare from '../locales/en/share.json';
import zhShare from '../locales/zh/share.json';
import { LINK_ERRORS, parseLocation } from '../../scenario/url';
import { linkErrorText } from './linkErrorText';

async function shareT(lng: 'en' | 'zh'): Promise<TFunction> {
  const i = i18next.createInstance();
  await i.init({ lng, resources: { en: { share: enShare }, zh: { share: zhShare } }, interpolation: { escapeValue: false } });
  return i.t;
}

const noPreset = (() => {
  const r = parseLocation('?preset=nope', '');
  return r.source.kind === 'error' ? r.source.error : '';
})();

const MESSAGES = [
  LINK_ERRORS.noScenario,
  LINK_ERRORS.empty,
  LINK_ERRORS.tooLong(250_000),
  LINK_ERRORS.alphabet('%', 41),
  LINK_ERRORS.truncated,
  LINK_ERRORS.corrupt,
  LINK_ERRORS.tooLarge,
  LINK_ERRORS.notJson,
  noPreset,
];

describe('linkErrorText', () => {
  it('says every broken-link message in English exactly as the scenario layer does', async () => {
    const en = await shareT('en');
    for (const m of MESSAGES) expect(linkErrorText(m, en)).toBe(m);
  });

  it('says every one in Chinese, keeping its numbers and names', async () => {
    const zh = await shareT('zh');
    for (const m of MESSAGES) expect(linkErrorText(m, zh), m).toMatch(/[\u4e00-\u9fff]/);
    expect(linkErrorText(LINK_ERRORS.tooLong(250_000), zh)).toBe('链接太长了（250,000 个字符，上限是 200,000）。');
    expect(linkErrorText(noPreset, zh)).toContain('"nope"');
  });
});
