// Texts, limits and the settings read from the widget's script tag.

var TEXT = {
  title: "Frag den Beirat",
  // What is kept: the conversation, and for staff the clicks below (bot/feedback).
  privacy: "Wir speichern Ihre Fragen und Ihre Klicks auf Hilfreich. Nach 30 Tagen löschen wir alles.",
  welcome:
    "Hallo! Ich beantworte Fragen zum Integrations·beirat.\nIntegrations·beirat heißt: Das ist eine Gruppe für einen Teil von Hannover.\nSie spricht über Geld für Projekte.\nTippen Sie auf eine Frage. Oder schreiben Sie unten.",
  logLabel: "Gespräch",
  explanationLabel: "Erklärung",
  choicesLabel: "Zum Antippen",
  inputLabel: "Ihre Frage",
  send: "Senden",
  restart: "Neu starten",
  speak: "Vorlesen",
  userPrefix: "Sie: ",
  botPrefix: "Antwort: ",
  waiting: "Einen Moment bitte …",
  offline: "Die Verbindung ist unterbrochen. Bitte versuchen Sie es später noch einmal.",
  feedbackLabel: "War die Antwort hilfreich?",
  helpful: "Hilfreich",
  notHelpful: "Nicht hilfreich",
  feedbackThanks: "Danke für Ihre Antwort!",
  noAnswer: "Ich habe keine Antwort bekommen. Bitte versuchen Sie es noch einmal.",
};

// Questions the bot can answer for every council; shown as buttons at the start.
var STARTER_QUESTIONS = [
  "Was kann ich fragen?",
  "Wer ist im Integrations·beirat?",
  "Wann war die letzte Sitzung?",
  "Welche Projekte bekommen Geld?",
];

var DEFAULT_RASA_PORT = 5005;
var DEFAULT_REPLY_TIMEOUT_SECONDS = 30;
var MAX_INPUT_CHARS = 500;
var MAX_STORED_MESSAGES = 200;
var STORAGE_KEY = "frag-den-beirat";

function findOwnScript() {
  // document.currentScript is set for classic and deferred scripts; the selector
  // is the fallback for loaders that inject the script differently.
  return (
    document.currentScript ||
    document.querySelector('script[src*="frag-den-beirat"]') ||
    null
  );
}

function readConfig(script) {
  var data = (script && script.dataset) || {};
  var protocol = location.protocol === "https:" ? "https:" : "http:";
  var server = data.server || protocol + "//" + (location.hostname || "localhost") + ":" + DEFAULT_RASA_PORT;
  var timeout = Number(data.replyTimeout);
  return {
    server: server.replace(/\/+$/, ""),
    socketPath: data.socketPath || "/socket.io",
    target: data.target || null,
    title: data.title || TEXT.title,
    headingLevel: data.headingLevel === "1" ? "h1" : "h2",
    replyTimeoutMs: (timeout > 0 ? timeout : DEFAULT_REPLY_TIMEOUT_SECONDS) * 1000,
  };
}

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
