// sessionStorage keeps the conversation for this tab only (a reload keeps it,
// closing the tab forgets it). Storage may be blocked: then nothing is kept.
var store = {
  load: function () {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || "null");
      if (saved && Array.isArray(saved.messages)) {
        saved.messages = saved.messages.filter(function (message) {
          return message && (message.from === "user" || message.from === "bot") && typeof message.text === "string";
        });
        saved.choices = Array.isArray(saved.choices)
          ? saved.choices.filter(function (choice) {
              return choice && typeof choice.title === "string" && typeof choice.payload === "string";
            })
          : null;
        if (typeof saved.sessionId !== "string") saved.sessionId = null;
        return saved;
      }
    } catch (e) {
      /* blocked or broken storage: start empty */
    }
    return { sessionId: null, messages: [], choices: null };
  },
  save: function (state) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) {
      /* blocked or full storage: the chat still works, it is just not kept */
    }
  },
  clear: function () {
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      /* nothing kept, nothing to clear */
    }
  },
};
