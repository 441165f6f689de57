// Frag den Beirat: chat widget for Rasa's socket.io channel.
// build.mjs wraps src/config.js, store.js, speech.js and this file in one closure,
// with the socket.io client (as `io`) and the stylesheet (as `WIDGET_CSS`), so
// nothing leaks to the host page.
// Rule: every text from the bot or the user is set with textContent, never as HTML.

// Rasa sends {text, quick_replies:[{title, payload}]}; custom JSON may use "buttons".
function readBotMessage(data) {
  if (!data || typeof data !== "object") return null;
  var text = typeof data.text === "string" ? data.text : "";
  var raw = Array.isArray(data.quick_replies) ? data.quick_replies : Array.isArray(data.buttons) ? data.buttons : [];
  var choices = [];
  raw.forEach(function (button) {
    if (button && typeof button.title === "string" && button.title.trim()) {
      var payload = typeof button.payload === "string" && button.payload ? button.payload : button.title;
      choices.push({ title: button.title, payload: payload });
    }
  });
  if (!text.trim() && choices.length === 0) return null;
  return { text: text, choices: choices };
}

function ChatWidget(host, config) {
  this.config = config;
  this.host = host;
  this.state = store.load();
  this.socket = null;
  this.connection = "connecting"; // "connecting" | "ready" (session confirmed) | "offline"
  this.outbox = []; // payloads sent while still connecting, delivered when ready
  this.replyTimer = null;
  this.root = host.attachShadow({ mode: "open" });
  this.build();
  this.setConnection("connecting");
  this.renderAll();
  this.connect();
}

ChatWidget.prototype.build = function () {
  var self = this;
  var style = el("style");
  style.textContent = WIDGET_CSS;

  var frame = el("section", "fdb");
  frame.setAttribute("lang", "de");
  frame.setAttribute("aria-label", this.config.title);

  var header = el("div", "fdb-header");
  header.appendChild(el(this.config.headingLevel, "fdb-title", this.config.title));
  var restart = el("button", "fdb-button fdb-restart", TEXT.restart);
  restart.type = "button";
  restart.addEventListener("click", function () {
    self.restart();
  });
  header.appendChild(restart);

  var privacy = el("p", "fdb-privacy", TEXT.privacy);

  this.log = el("div", "fdb-log");
  this.log.setAttribute("role", "log");
  this.log.setAttribute("aria-live", "polite");
  this.log.setAttribute("aria-label", TEXT.logLabel);
  this.log.tabIndex = 0; // scrollable region must be reachable by keyboard

  this.waiting = el("p", "fdb-waiting", TEXT.waiting);
  this.waiting.hidden = true;

  this.notice = el("p", "fdb-notice", TEXT.offline);
  this.notice.setAttribute("role", "alert");
  this.notice.hidden = true;

  this.choices = el("div", "fdb-choices");
  this.choices.setAttribute("role", "group");
  this.choices.setAttribute("aria-label", TEXT.choicesLabel);

  var form = el("form", "fdb-composer");
  form.noValidate = true;
  var label = el("label", "fdb-label", TEXT.inputLabel);
  label.htmlFor = "fdb-input";
  this.input = el("input", "fdb-input");
  this.input.id = "fdb-input";
  this.input.type = "text";
  this.input.autocomplete = "off";
  this.input.maxLength = MAX_INPUT_CHARS;
  var send = el("button", "fdb-button fdb-send", TEXT.send);
  send.type = "submit";
  var row = el("div", "fdb-row");
  row.appendChild(this.input);
  row.appendChild(send);
  form.appendChild(label);
  form.appendChild(row);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    self.sendTyped();
  });

  frame.appendChild(header);
  frame.appendChild(privacy);
  frame.appendChild(this.log);
  frame.appendChild(this.waiting);
  frame.appendChild(this.notice);
  frame.appendChild(this.choices);
  frame.appendChild(form);
  this.root.appendChild(style);
  this.root.appendChild(frame);
};

ChatWidget.prototype.renderAll = function () {
  var self = this;
  this.log.textContent = "";
  this.addMessageNode("bot", TEXT.welcome);
  this.state.messages.forEach(function (message) {
    self.addMessageNode(message.from, message.text);
  });
  if (this.state.choices) {
    this.showChoices(this.state.choices);
  } else if (this.state.messages.length === 0) {
    this.showChoices(
      STARTER_QUESTIONS.map(function (question) {
        // The Mediopunkt helps readers; the bot understands the word without it.
        return { title: question, payload: question.replace(/·/g, "") };
      })
    );
  }
};

ChatWidget.prototype.addMessageNode = function (from, text) {
  var bubble = el("div", "fdb-message fdb-message--" + from);
  var parts = from === "bot" ? splitExplanations(text) : [];
  var withExplanations = parts.some(function (part) {
    return part.explanation;
  });
  var body = el(withExplanations ? "div" : "p", "fdb-text");
  body.appendChild(el("span", "fdb-visually-hidden", from === "user" ? TEXT.userPrefix : TEXT.botPrefix));
  if (withExplanations) {
    // Each explanation in a box of its own, right after the part of the answer that
    // uses the word: a screen reader reads the answer first, then the explanation.
    var holder = el("div", "fdb-body");
    parts.forEach(function (part) {
      if (part.explanation) {
        var note = el("div", "fdb-explanation");
        note.setAttribute("role", "note");
        note.setAttribute("aria-label", TEXT.explanationLabel);
        note.appendChild(el("p", "fdb-part", part.text));
        holder.appendChild(note);
      } else {
        holder.appendChild(el("p", "fdb-part", part.text));
      }
    });
    body.appendChild(holder);
  } else {
    body.appendChild(el("span", "fdb-body", text));
  }
  bubble.appendChild(body);
  if (from === "bot" && canSpeak()) {
    var button = el("button", "fdb-button fdb-speak");
    button.type = "button";
    button.appendChild(speakerIcon());
    button.appendChild(document.createTextNode(TEXT.speak));
    button.addEventListener("click", function () {
      speak(text);
    });
    bubble.appendChild(button);
  }
  this.log.appendChild(bubble);
  this.scrollToEnd();
};

// The bot sends each explanation of a hard word as a paragraph of its own:
// "Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt." (bot/language/glossary.py).
var EXPLANATION = /^[^\n]{1,80}?\. Das heißt: /;

function splitExplanations(text) {
  return text
    .split(/\n[ \t]*\n/)
    .filter(function (part) {
      return part.trim();
    })
    .map(function (part) {
      return { text: part, explanation: EXPLANATION.test(part) };
    });
}

// Called after anything that changes the log or the height of the parts below it.
// A long answer is shown from its first line: that is where reading starts.
ChatWidget.prototype.scrollToEnd = function () {
  var latest = this.log.lastElementChild;
  if (latest && latest.offsetHeight > this.log.clientHeight) {
    var gap = 12;
    this.log.scrollTop += latest.getBoundingClientRect().top - this.log.getBoundingClientRect().top - gap;
  } else {
    this.log.scrollTop = this.log.scrollHeight;
  }
};

ChatWidget.prototype.remember = function (from, text) {
  this.state.messages.push({ from: from, text: text });
  if (this.state.messages.length > MAX_STORED_MESSAGES) {
    this.state.messages.splice(0, this.state.messages.length - MAX_STORED_MESSAGES);
  }
  store.save(this.state);
};

ChatWidget.prototype.showChoices = function (choices) {
  var self = this;
  this.choices.textContent = "";
  choices.forEach(function (choice) {
    var button = el("button", "fdb-button fdb-choice", choice.title);
    button.type = "button";
    button.addEventListener("click", function () {
      self.send(choice.title, choice.payload);
    });
    self.choices.appendChild(button);
  });
  this.choices.hidden = choices.length === 0;
  this.scrollToEnd();
};

ChatWidget.prototype.sendTyped = function () {
  var text = this.input.value.trim();
  if (!text) {
    this.input.focus();
    return;
  }
  if (this.send(text, text)) this.input.value = "";
};

// Host pages and tests can read the state from the host element's data-state.
ChatWidget.prototype.setConnection = function (connection) {
  this.connection = connection;
  this.host.setAttribute("data-state", connection);
  this.notice.hidden = connection !== "offline";
  this.scrollToEnd();
};

// Shows `shown` as the user's message and sends `payload` to Rasa. Returns false
// (and changes nothing but the notice) when the connection is lost.
ChatWidget.prototype.send = function (shown, payload) {
  if (this.connection === "offline") {
    this.notice.hidden = false;
    return false;
  }
  if (this.connection === "ready") {
    this.emitMessage(payload);
  } else {
    this.outbox.push(payload); // the first second after opening the page
  }
  this.addMessageNode("user", shown);
  this.remember("user", shown);
  this.state.choices = [];
  store.save(this.state);
  this.showChoices([]);
  this.startWaiting();
  this.input.focus();
  return true;
};

ChatWidget.prototype.emitMessage = function (payload) {
  this.socket.emit("user_uttered", { message: payload, session_id: this.state.sessionId });
};

ChatWidget.prototype.startWaiting = function () {
  var self = this;
  this.waiting.hidden = false;
  this.scrollToEnd();
  clearTimeout(this.replyTimer);
  this.replyTimer = setTimeout(function () {
    self.stopWaiting();
    self.addMessageNode("bot", TEXT.noAnswer);
  }, this.config.replyTimeoutMs);
};

ChatWidget.prototype.stopWaiting = function () {
  clearTimeout(this.replyTimer);
  this.replyTimer = null;
  this.waiting.hidden = true;
  this.scrollToEnd();
};

ChatWidget.prototype.receive = function (data) {
  var answerId = readFeedbackOffer(data); // src/feedback.js
  if (answerId) return offerFeedback(this, answerId);
  var message = readBotMessage(data);
  if (!message) return;
  this.stopWaiting();
  if (message.text.trim()) {
    this.addMessageNode("bot", message.text);
    this.remember("bot", message.text);
  }
  if (message.choices.length > 0) {
    this.state.choices = message.choices;
    store.save(this.state);
    this.showChoices(message.choices);
  }
};

ChatWidget.prototype.connect = function () {
  var self = this;
  // Websocket first: it needs no CORS; polling is the fallback for proxies.
  var socket = io(this.config.server, {
    path: this.config.socketPath,
    transports: ["websocket", "polling"],
    forceNew: true,
  });
  this.socket = socket;
  socket.on("connect", function () {
    socket.emit("session_request", { session_id: self.state.sessionId });
  });
  socket.on("session_confirm", function (sessionId) {
    var id = typeof sessionId === "string" ? sessionId : sessionId && sessionId.session_id;
    if (!id) return;
    self.state.sessionId = id;
    store.save(self.state);
    self.setConnection("ready");
    var waiting = self.outbox.splice(0, self.outbox.length);
    waiting.forEach(function (payload) {
      self.emitMessage(payload);
    });
  });
  socket.on("bot_uttered", function (data) {
    self.receive(data);
  });
  socket.on("connect_error", function () {
    self.lostConnection();
  });
  socket.on("disconnect", function (reason) {
    if (reason === "io client disconnect") return;
    self.lostConnection();
    // After a server-side disconnect socket.io does not retry by itself.
    if (reason === "io server disconnect") {
      setTimeout(function () {
        if (self.socket === socket) socket.connect();
      }, 5000);
    }
  });
};

ChatWidget.prototype.lostConnection = function () {
  this.outbox = []; // not sent: the user sees the notice and can ask again later
  this.stopWaiting();
  this.setConnection("offline");
};

ChatWidget.prototype.restart = function () {
  if (canSpeak()) window.speechSynthesis.cancel();
  this.stopWaiting();
  // A new socket leaves the old session's room, so late answers to it never show.
  if (this.socket) {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }
  this.outbox = [];
  this.setConnection("connecting");
  store.clear();
  this.state = { sessionId: null, messages: [], choices: null };
  this.renderAll();
  this.connect();
  this.input.value = "";
  this.input.focus();
};

// currentScript is only set while this script runs, so find it now.
var ownScript = findOwnScript();
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", function () {
    mountWith(ownScript);
  });
} else {
  mountWith(ownScript);
}

function mountWith(script) {
  if (script && script.getAttribute("data-fdb-mounted")) return;
  if (script) script.setAttribute("data-fdb-mounted", "true");
  var config = readConfig(script);
  var host = config.target ? document.querySelector(config.target) : null;
  if (!host) {
    host = document.createElement("div");
    document.body.appendChild(host);
  }
  host.classList.add("frag-den-beirat");
  try {
    new ChatWidget(host, config);
  } catch (error) {
    // No stack trace for residents; the console keeps it for staff.
    if (window.console) window.console.error("Frag den Beirat: widget could not start", error);
  }
}
