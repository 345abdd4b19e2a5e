import { createInstance } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";
import { environment } from "./environment";

type Message = { key: string; value: string };

// Messages are served by Keycloak from the realm's account theme, so this theme's bundles
// and the realm's localization overrides apply on top of keycloak.v3's texts.
export const i18n = createInstance({
  fallbackLng: "en",
  nsSeparator: false,
  // React escapes rendered text already.
  interpolation: { escapeValue: false },
  backend: {
    loadPath: `${environment.serverBaseUrl}/resources/${environment.realm}/account/{{lng}}`,
    parse: (data: string) =>
      Object.fromEntries(
        (JSON.parse(data) as Message[]).map(({ key, value }) => [key, value]),
      ),
  },
});

i18n
  .use(FetchBackend)
  // The server already picked the user's locale when it rendered the page.
  .use({ type: "languageDetector", detect: () => environment.locale })
  .use(initReactI18next);

// The locale selector of the stock Personal info page announces a new choice this way.
window.addEventListener("languageChanged", (event) => {
  const { language } = (event as CustomEvent<{ language: string }>).detail;
  void i18n.changeLanguage(language);
});
