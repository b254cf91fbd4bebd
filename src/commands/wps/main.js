// The add-in's main.js, as the wpsjs templates ship theirs (npm wpsjs 2.2.3, packages/@wps-jsapi/et/main.js;
// tests/fixtures/wpsjs-et/). When WPS 表格 starts it opens the add-in's index.html, hidden; index.html loads
// this file, and this file writes the ribbon's script into the page, as the template writes its js/ribbon.js:
// a script written while the page is parsed runs before the page has loaded, so the callbacks ribbon.xml
// names (OnAddinLoad, OnAction, GetImage) are there when WPS calls them (tests/wps-package.test.ts).
// ES5, shipped as written: it runs in whatever engine the WPS build has.
document.write('<script type="text/javascript" src="ribbon.js"></script>');
