import i18next from 'i18next';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { HydratedRouter } from 'react-router/dom';
import { frenchElision } from '../src/kernel/french-elision.ts';
import { resources } from '../src/wiring/i18n-resources.ts';

// The server chose the language; the page says which in <html lang>.
const lng = document.documentElement.lang === 'en' ? 'en' : 'fr';
await i18next
  .use(initReactI18next)
  .use(frenchElision)
  .init({
    resources,
    lng,
    fallbackLng: false,
    ns: Object.keys(resources.fr),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    postProcess: [frenchElision.name],
  });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nextProvider i18n={i18next}>
        <HydratedRouter />
      </I18nextProvider>
    </StrictMode>,
  );
});
