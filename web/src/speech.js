// Read aloud ("Vorlesen") with the browser's speechSynthesis, and its icon.

// A drawn icon: emoji fonts are missing on many systems and show an empty box.
var SVG_NS = "http://www.w3.org/2000/svg";
var SPEAKER_PATH = "M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4zM14 3.2v2.1a7 7 0 0 1 0 13.4v2.1a9 9 0 0 0 0-17.6z";

function speakerIcon() {
  var svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "24");
  svg.setAttribute("height", "24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", "fdb-icon");
  var path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", SPEAKER_PATH);
  path.setAttribute("fill", "currentColor");
  svg.appendChild(path);
  return svg;
}

function canSpeak() {
  return Boolean(window.speechSynthesis) && typeof window.SpeechSynthesisUtterance === "function";
}

// Text for speech: no Mediopunkt inside words, no "minus" for list bullets.
function speechText(text) {
  return text.replace(/·/g, "").replace(/^\s*[-•]\s+/gm, "");
}

function speak(text) {
  var synth = window.speechSynthesis;
  synth.cancel();
  var utterance = new window.SpeechSynthesisUtterance(speechText(text));
  utterance.lang = "de-DE";
  var voices = typeof synth.getVoices === "function" ? synth.getVoices() : [];
  for (var i = 0; i < voices.length; i++) {
    if (/^de(-|_|$)/i.test(voices[i].lang)) {
      utterance.voice = voices[i];
      break;
    }
  }
  synth.speak(utterance);
}
