/** The HTML shell of the app: styles inline, the token for API calls, and the bundled script. */

/** The page; the token lets only this page call the API. */
export function appPage(token: string, lang: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="tally-token" content="${token}">
<title>Tally</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Tally</h1><span id="tagline" data-i18n="tagline"></span>
<label class="lang"><span data-i18n="language"></span>
<select id="lang"><option value="en">English</option><option value="es">Español</option><option value="ru">Русский</option></select></label>
</header>
<main id="app"></main>
<script type="module" src="/app.js"></script>
</body>
</html>`;
}

const STYLE = `
:root { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2433; background: #f6f7f9; }
body { margin: 0; }
header { display: flex; align-items: baseline; gap: 1rem; padding: .8rem 1.5rem; background: #1d2433; color: #fff; }
header h1 { margin: 0; font-size: 1.4rem; }
header .lang { margin-left: auto; font-size: .9rem; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
section { background: #fff; border: 1px solid #dde1e7; border-radius: 6px; padding: 1rem 1.2rem; margin: 1rem 0; }
h2 { font-size: 1.15rem; margin: .2rem 0 .8rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: .8rem; }
.card { border: 1px solid #dde1e7; border-radius: 6px; padding: .8rem; background: #fbfcfd; }
.card h3 { margin: 0 0 .4rem; font-size: 1rem; }
.card p { font-size: .85rem; color: #4a5568; }
button { font: inherit; padding: .4rem .8rem; border-radius: 4px; border: 1px solid #2b6cb0; background: #2b6cb0; color: #fff; cursor: pointer; margin: .2rem .3rem .2rem 0; }
button.secondary { background: #fff; color: #2b6cb0; }
button:disabled { opacity: .5; cursor: default; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #edf0f4; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.clickable { cursor: pointer; } tr.clickable:hover { background: #eef4fb; }
.verdict { padding: .1rem .45rem; border-radius: 3px; font-size: .8rem; white-space: nowrap; }
.verdict-consistent_with_allegation { background: #fde2e1; color: #8a1c1c; }
.verdict-not_supported { background: #e1f5e6; color: #1c5b2e; }
.verdict-inconclusive { background: #eceff3; color: #394150; }
.verdict-screen { background: #e8eef6; color: #1f3a5f; border: 1px solid #c5d3e6; }
.error { color: #9b1c1c; } .muted { color: #6b7280; font-size: .85rem; }
.progress { height: 6px; background: #e2e8f0; border-radius: 3px; overflow: hidden; margin: .5rem 0; }
.progress > div { height: 100%; background: #2b6cb0; width: 0; transition: width .2s; }
textarea { width: 100%; min-height: 14rem; font-family: ui-monospace, monospace; font-size: .85rem; }
iframe.report { width: 100%; height: 80vh; border: 1px solid #dde1e7; border-radius: 6px; background: #fff; }
.plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(420px, 100%), 1fr)); gap: 1rem; }
.plots > div { min-width: 0; }
.plot-chart { width: 100%; }
.plot-actions { text-align: right; }
button.link { background: none; border: none; color: #2b6cb0; padding: 0 .3rem; font-size: .8rem; text-decoration: underline; }
.row { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; }
label { font-size: .9rem; }
`;
