// "Hilfreich" / "Nicht hilfreich" under factual answers.
// After such an answer the server sends one more bot_uttered event,
// {feedback: {answer_id: "<32 hex>"}} (bot/channels/feedback.py). The widget then
// adds a labelled group with two buttons to the latest bot message. A click sends
// the socket.io event "feedback" with the id and true/false, hides the buttons and
// says thanks in a status line that screen readers announce. Nothing names the user.
// The offer is not kept in sessionStorage: after a reload only new answers get it.

var ANSWER_ID = /^[0-9a-f]{32}$/;

function readFeedbackOffer(data) {
  var offer = data && typeof data === "object" ? data.feedback : null;
  var id = offer && typeof offer === "object" ? offer.answer_id : null;
  return typeof id === "string" && ANSWER_ID.test(id) ? id : null;
}

function offerFeedback(widget, answerId) {
  var bubbles = widget.log.querySelectorAll(".fdb-message--bot");
  var bubble = bubbles.length ? bubbles[bubbles.length - 1] : null;
  if (!bubble || bubble.querySelector(".fdb-feedback")) return;
  var group = el("div", "fdb-feedback");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", TEXT.feedbackLabel);
  var buttons = el("div", "fdb-feedback-buttons");
  var thanks = el("p", "fdb-feedback-thanks");
  thanks.setAttribute("role", "status"); // polite live region: the thanks is read out
  [
    { title: TEXT.helpful, helpful: true },
    { title: TEXT.notHelpful, helpful: false },
  ].forEach(function (choice) {
    var button = el("button", "fdb-button fdb-feedback-button", choice.title);
    button.type = "button";
    button.addEventListener("click", function () {
      if (widget.socket && widget.connection === "ready") {
        widget.socket.emit("feedback", { answer_id: answerId, helpful: choice.helpful });
      }
      buttons.hidden = true;
      thanks.textContent = TEXT.feedbackThanks;
      widget.input.focus(); // the buttons are gone: keyboard users go on where they type
    });
    buttons.appendChild(button);
  });
  group.appendChild(buttons);
  group.appendChild(thanks);
  bubble.appendChild(group);
  widget.scrollToEnd();
}
