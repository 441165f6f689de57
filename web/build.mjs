// Builds dist/frag-den-beirat.js: ONE file that a host page embeds with one
// script tag. It wraps the socket.io client, the stylesheet and the widget in a
// closure, so the host page gets no globals (not even `io`) and no AMD define call.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const here = new URL(".", import.meta.url);
// In this order: later files use what earlier ones define.
const SOURCES = ["src/config.js", "src/store.js", "src/speech.js", "src/feedback.js", "src/widget.js"];
const read = (path) => readFileSync(new URL(path, here), "utf8");

let socketIo;
try {
  socketIo = read("node_modules/socket.io-client/dist/socket.io.min.js");
} catch {
  console.error("socket.io-client is missing: run `npm ci` in web/ first.");
  process.exit(1);
}
// The source map is not shipped; drop the comment that points to it.
socketIo = socketIo.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");

const bundle = `/*! Frag den Beirat chat widget. Built by web/build.mjs from web/src; do not edit. */
(function () {
  "use strict";
  var io = (function () {
    // The UMD header of socket.io sees CommonJS and exports here, not on window.
    var module = { exports: {} };
    var exports = module.exports;
    var define;
${socketIo}
    return module.exports;
  })();
  var WIDGET_CSS = ${JSON.stringify(read("src/widget.css"))};
${SOURCES.map(read).join("\n")}
})();
`;

mkdirSync(new URL("dist/", here), { recursive: true });
writeFileSync(new URL("dist/frag-den-beirat.js", here), bundle);
console.log(`web/dist/frag-den-beirat.js: ${Buffer.byteLength(bundle)} bytes`);
