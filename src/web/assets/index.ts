import { ANSWER_JS } from "./answer-js.js";
import { API_JS } from "./api-js.js";
import { DOM_JS } from "./dom-js.js";
import { MAIN_JS } from "./main-js.js";
import { QUESTIONNAIRES_JS } from "./questionnaires-js.js";
import { REVIEW_JS } from "./review-js.js";
import { APP_CSS } from "./styles.js";

/** Everything under /app/assets/, by file name. Strings, so the Workers bundle carries them. */
export const ASSETS: Readonly<Record<string, string>> = {
  "main.js": MAIN_JS,
  "api.js": API_JS,
  "dom.js": DOM_JS,
  "questionnaires.js": QUESTIONNAIRES_JS,
  "review.js": REVIEW_JS,
  "answer.js": ANSWER_JS,
  "app.css": APP_CSS,
};
