"""The kinds of bad input for each channel, shared by the fake-bot and the real-bot tests.

REST: whole requests (method, body, content type). socket.io: events with their data,
some as raw socket.io packets (a client library refuses to encode them).
"""
from __future__ import annotations

import json

NESTED = "[" * 100_000 + "]" * 100_000  # thousands of brackets: json.loads raises RecursionError
NESTED_OBJECT = '{"a":' * 50_000 + "1" + "}" * 50_000


def body(sender, message, **extra) -> bytes:
    return json.dumps({"sender": sender, "message": message, **extra}).encode()


# name -> (HTTP method, body bytes, content type)
REST_KINDS = {
    "not JSON": ("POST", b"das ist kein json", "application/json"),
    "JSON list": ("POST", b"[1, 2, 3]", "application/json"),
    "JSON string": ("POST", b'"hallo"', "application/json"),
    "JSON number": ("POST", b"42", "application/json"),
    "JSON null": ("POST", b"null", "application/json"),
    "empty body": ("POST", b"", "application/json"),
    "truncated JSON": ("POST", b'{"sender": "kurz", "message": "hal', "application/json"),
    "invalid UTF-8 everywhere": ("POST", b"\xff\xfe\x00\x01", "application/json"),
    "invalid UTF-8 in the message": ("POST", b'{"sender": "roh", "message": "\xff\xfe\xfa"}', "application/json"),
    "UTF-16 body": ("POST", '{"sender": "u16", "message": "hallo"}'.encode("utf-16"), "application/json"),
    "byte order mark": ("POST", b"\xef\xbb\xbf" + body("bom", "hallo"), "application/json"),
    "deeply nested array": ("POST", NESTED.encode(), "application/json"),
    "deeply nested object": ("POST", NESTED_OBJECT.encode(), "application/json"),
    "deeply nested message": ("POST", b'{"sender": "tief", "message": ' + NESTED.encode() + b"}", "application/json"),
    "deeply nested metadata": ("POST", b'{"sender": "tief2", "message": "hallo", "metadata": ' + NESTED.encode() + b"}", "application/json"),
    "body of 1 MB": ("POST", body("gross", "x" * 1_000_000), "application/json"),
    "message of 100,000 characters": ("POST", body("lang", "Wer ist im Beirat? " * 5_300), "application/json"),
    "no sender": ("POST", b'{"message": "hallo"}', "application/json"),
    "sender is an object": ("POST", body({"a": 1}, "hallo"), "application/json"),
    "sender is a list": ("POST", body(["a"], "hallo"), "application/json"),
    "sender is true": ("POST", body(True, "hallo"), "application/json"),
    "sender is a float": ("POST", body(1.5, "hallo"), "application/json"),
    "sender is empty": ("POST", body("", "hallo"), "application/json"),
    "sender of 10,000 characters": ("POST", body("s" * 10_000, "hallo"), "application/json"),
    "sender with a line break": ("POST", body("a\nb", "hallo"), "application/json"),
    "no message": ("POST", b'{"sender": "ohne"}', "application/json"),
    "message is null": ("POST", body("null-1", None), "application/json"),
    "message is 1e309": ("POST", b'{"sender": "zahl", "message": 1e309}', "application/json"),
    "message is NaN": ("POST", b'{"sender": "nan", "message": NaN}', "application/json"),
    "message is a list": ("POST", body("liste", ["wer", "ist"]), "application/json"),
    "message is an object": ("POST", body("objekt", {"text": "hallo"}), "application/json"),
    "message is only control characters": ("POST", body("steuer", "\x00\x01\x1b"), "application/json"),
    "message is a lone surrogate": ("POST", b'{"sender": "sur", "message": "\\udcff"}', "application/json"),
    "metadata is a string": ("POST", body("meta-1", "hallo", metadata="nicht json"), "application/json"),
    "metadata is a long list": ("POST", body("meta-2", "hallo", metadata=list(range(5000))), "application/json"),
    "client chooses the input channel": ("POST", body("kanal", "hallo", input_channel="telegram"), "application/json"),
    "form instead of JSON": ("POST", b"sender=form&message=hallo", "application/x-www-form-urlencoded"),
    "duplicate keys": ("POST", b'{"sender": "dup", "message": "hallo", "message": {"x": 1}}', "application/json"),
    "PUT instead of POST": ("PUT", body("put", "hallo"), "application/json"),
    "DELETE": ("DELETE", b"", "application/json"),
}

# name -> (event, data) sent with the client library; RAW: socket.io packets sent as they are.
SOCKETIO_KINDS = {
    "data is a string": ("user_uttered", "hallo"),
    "data is a number": ("user_uttered", 42),
    "data is a list": ("user_uttered", ["hallo"]),
    "data is null": ("user_uttered", None),
    "data is true": ("user_uttered", True),
    "no message": ("user_uttered", {}),
    "message is null": ("user_uttered", {"message": None}),
    "message is a number": ("user_uttered", {"message": 1.5}),
    "message is a list": ("user_uttered", {"message": ["wer", "ist"]}),
    "message is an object": ("user_uttered", {"message": {"text": "hallo"}}),
    "message is empty": ("user_uttered", {"message": ""}),
    "message is whitespace": ("user_uttered", {"message": " \t\n "}),
    "message of 10,000 characters": ("user_uttered", {"message": "x" * 10_000}),
    "message of 200,000 characters": ("user_uttered", {"message": "Wer ist im Beirat? " * 10_500}),
    "control characters": ("user_uttered", {"message": "\x00\x01\x1b"}),
    "lone surrogate": ("user_uttered", {"message": "\udcff"}),
    "replacement characters": ("user_uttered", {"message": "\ufffd\ufffd"}),
    "metadata is not JSON": ("user_uttered", {"message": "hallo", "customData": "{kaputt"}),
    "metadata is a list": ("user_uttered", {"message": "hallo", "customData": [1, 2]}),
    "metadata is a JSON string": ("user_uttered", {"message": "hallo", "customData": '{"a": 1}'}),
    "session id is an object": ("user_uttered", {"message": "hallo", "session_id": {"a": 1}}),
    "session id is a number": ("user_uttered", {"message": "hallo", "session_id": 7}),
    "session id is empty": ("user_uttered", {"message": "hallo", "session_id": ""}),
    "session id of 1,000 characters": ("user_uttered", {"message": "hallo", "session_id": "s" * 1000}),
    "session id with a line break": ("user_uttered", {"message": "hallo", "session_id": "a\nb"}),
    "binary message": ("user_uttered", {"message": b"\x00\xffhallo"}),
    "html and script": ("user_uttered", {"message": "<script>alert(1)</script>"}),
    "sql": ("user_uttered", {"message": "'; DROP TABLE grants; --"}),
    "unknown intent payload": ("user_uttered", {"message": "/gib_mir_alles"}),
    "right-to-left override": ("user_uttered", {"message": "\u202ewer ist im beirat"}),
    "deeply nested data": ("RAW", '2["user_uttered",' + NESTED + "]"),
    "deeply nested metadata": ("RAW", '2["user_uttered",{"message":"hallo","customData":' + NESTED + "}]"),
    "broken packet": ("RAW", '2["user_uttered",{"message":'),
    "unknown packet type": ("RAW", "9kaputt"),
    "event name is a number": ("RAW", '2[42,{"message":"hallo"}]'),
    "unknown event": ("nicht_da", {"message": "hallo"}),
    "session request with a string": ("session_request", "kaputt"),
    "session request with an object as id": ("session_request", {"session_id": {"a": 1}}),
}

# These kinds get no answer by design: nothing a user wrote (the connection must go on working).
SOCKETIO_NO_REPLY = {
    "deeply nested data", "deeply nested metadata", "broken packet", "unknown packet type",
    "event name is a number", "unknown event", "session request with a string",
    "session request with an object as id",
}  # fmt: skip


def _message(chat_id, **fields) -> dict:
    message = {"message_id": 10, "date": 1700000000, "chat": {"id": chat_id, "type": "private"},
               "from": {"id": chat_id, "is_bot": False, "first_name": "Ayşe"}}  # fmt: skip
    message.update(fields)
    return {"update_id": 1, "message": message}


def _callback(chat_id, **fields) -> dict:
    query = {"id": "cb-1", "from": {"id": chat_id, "is_bot": False, "first_name": "Ayşe"}, "chat_instance": "ci",
             "message": {"message_id": 11, "date": 1700000001, "chat": {"id": chat_id, "type": "private"}, "text": "?"}}  # fmt: skip
    query.update(fields)
    return {"update_id": 2, "callback_query": query}


def telegram_kinds(chat: int) -> dict[str, bytes]:
    """name -> request body; ``chat`` + n is the chat id of kind n (own rate limit each)."""
    kinds: dict[str, object] = {
        "not JSON": b"kein json",
        "JSON list": b"[1, 2]",
        "JSON null": b"null",
        "empty body": b"",
        "invalid UTF-8": b"\xff\xfe\x00",
        "deeply nested": NESTED.encode(),
        "deeply nested text": json.dumps(_message(chat + 6, text="x")).replace('"x"', NESTED).encode(),
        "body of 1 MB": _message(chat + 7, text="x" * 1_000_000),
        "no message at all": {"update_id": 3},
        "message is a string": {"update_id": 4, "message": "hallo"},
        "message is a list": {"update_id": 5, "message": ["hallo"]},
        "chat missing": {"update_id": 6, "message": {"message_id": 1, "date": 1, "text": "hallo"}},
        "chat id is a string": _message("abc", text="hallo"),
        "chat id is a float": _message(1.5, text="hallo"),
        "chat id is true": _message(True, text="hallo"),
        "chat id is huge": _message(2**80, text="hallo"),
        "text is a number": _message(chat + 16, text=42),
        "text is a list": _message(chat + 17, text=["wer"]),
        "text is empty": _message(chat + 18, text=""),
        "text is whitespace": _message(chat + 19, text=" \n\t "),
        "text of 10,000 characters": _message(chat + 20, text="Wer ist im Beirat? " * 530),
        "control characters": _message(chat + 21, text="\x00\x01\x1b"),
        "lone surrogate": _message(chat + 22, text="\udcff"),
        "sticker": _message(chat + 23, sticker={"file_id": "x", "file_unique_id": "y", "width": 1, "height": 1, "is_animated": False}),
        "photo with caption": _message(chat + 24, photo=[], caption="wer ist im beirat"),
        "edited message with broken text": {"update_id": 7, "edited_message": _message(chat + 25, text={"a": 1})["message"]},
        "channel post": {"update_id": 8, "channel_post": {"message_id": 1, "date": 1, "chat": {"id": -100, "type": "channel"}, "text": "x"}},
        "button without data": _callback(chat + 27),
        "button data is a number": _callback(chat + 28, data=7),
        "unknown long button key": _callback(chat + 29, data="~" + "f" * 24),
        "button without its message": {"update_id": 9, "callback_query": {"id": "cb-2", "from": {"id": chat + 30, "is_bot": False, "first_name": "A"}, "chat_instance": "c", "data": "/greet"}},
        "button without a sender": {"update_id": 10, "callback_query": {"id": "cb-3", "chat_instance": "c", "data": "/greet"}},
        "unknown update type": {"update_id": 11, "poll": {"id": "p"}},
        "unknown fields": {**_message(chat + 33, text="hallo"), "zukunft": {"x": 1}},
        "update id is a string": {**_message(chat + 34, text="hallo"), "update_id": "eins"},
        "html and script": _message(chat + 35, text="<script>alert(1)</script>"),
        "command for another bot": _message(chat + 36, text="/start@anderer_bot"),
        "sql": _message(chat + 37, text="'; DROP TABLE grants; --"),
        "unknown intent payload": _message(chat + 38, text="/gib_mir_alles"),
        "message date is garbage": _message(chat + 39, text="hallo", date="gestern"),
    }
    return {name: value if isinstance(value, bytes) else json.dumps(value).encode() for name, value in kinds.items()}
