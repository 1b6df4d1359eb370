import { ENTRY_ASSETS } from "./assets/index.js";

/**
 * The HTML shell. Static markup only: everything that comes from the API is added by the client
 * scripts with createElement/textContent, so nothing here ever interpolates data.
 */
export function renderPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Quire</title>
<link rel="stylesheet" href="/app/assets/${ENTRY_ASSETS.style}">
<script type="module" src="/app/assets/${ENTRY_ASSETS.script}"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="topbar">
  <a class="brand" href="/app">Quire</a>
  <nav aria-label="Main"><a href="/app" data-nav="questionnaires">Questionnaires</a> <a href="/app/attention" data-nav="attention">Needs attention</a> <a href="/app/insights" data-nav="insights">Insights</a></nav>
  <span class="spacer"></span>
  <span id="whoami" class="muted"></span>
  <button type="button" id="signout" class="secondary" hidden>Sign out</button>
</header>
<div id="flash" class="flash" role="alert" hidden></div>
<main id="main" tabindex="-1"><p class="muted">Loading…</p></main>
<noscript><p>Quire's web pages need JavaScript. The API reference is at <a href="/docs">/docs</a>.</p></noscript>
</body>
</html>`;
}
