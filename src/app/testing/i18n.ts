/** A fresh i18next instance with the real locale files, for unit tests of pure formatters. */
import i18next, { type TFunction } from 'i18next';
import enSimulation from '../locales/en/simulation.json';
import zhSimulation from '../locales/zh/simulation.json';

export async function simulationT(lng: 'en' | 'zh'): Promise<TFunction<'simulation'>> {
  const i = i18next.createInstance();
  await i.init({
    lng,
    fallbackLng: 'en',
    resources: { en: { simulation: enSimulation }, zh: { simulation: zhSimulation } },
    defaultNS: 'simulation',
    interpolation: { escapeValue: false },
  });
  return i.getFixedT(lng, 'simulation') as TFunction<'simulation'>;
}
