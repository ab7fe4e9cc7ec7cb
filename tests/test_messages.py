"""The one message channel (viewer/atlas/messages.py): one message up at a time, by level and time."""
from __future__ import annotations

from viewer.atlas.messages import Level, Message, Messages


def _channel():
    messages, heard = Messages(), []
    messages.subscribe(heard.append)
    return messages, heard


def test_a_new_message_replaces_the_one_up_and_subscribers_hear_each():
    messages, heard = _channel()
    first = messages.say("Saved plan.mvplan")
    second = messages.say("Language saved.")
    assert messages.current is second and messages.text == "Language saved."
    assert heard == [first, second]
    assert first.level is Level.INFO and first.seconds > 0


def test_a_message_goes_when_its_time_is_up_but_not_a_later_one():
    messages, heard = _channel()
    first = messages.say("one")
    second = messages.say("two")
    messages.expire(first)  # the first one's timer: it is no longer up, nothing changes
    assert messages.current is second and len(heard) == 2
    messages.expire(second)
    assert messages.current is None and messages.text == "" and heard[-1] is None


def test_an_information_waits_for_a_timed_warning_then_shows():
    messages, heard = _channel()
    warning = messages.warn("The language could not be saved", seconds=10)
    info = messages.say("Data folder path copied")
    assert messages.current is warning and info not in heard
    messages.expire(warning)
    assert messages.current is info


def test_an_error_that_stays_is_replaced_by_the_next_message_and_errors_replace_anything():
    messages, _heard = _channel()
    stays = messages.error("2 data problems: some entries were skipped")
    assert stays.seconds == 0
    opened = messages.say("Opened low-back.mvplan (6 items)")
    assert messages.current is opened
    messages.warn("Could not save favourites", seconds=8)
    error = messages.error("Shortcuts not saved")
    assert messages.current is error
    messages.clear()
    assert messages.current is None


def test_messages_are_values():
    assert Message("a", Level.WARNING, 3.0) == Message("a", Level.WARNING, 3.0)


def test_nothing_but_the_channel_writes_to_the_status_bar():
    """Every message goes through Messages (the status line draws it); no module shows one on its own."""
    from pathlib import Path

    ui = Path(__file__).resolve().parents[1] / "viewer"
    writers = sorted(str(p.relative_to(ui)) for p in ui.rglob("*.py")
                     if "showMessage(" in p.read_text(encoding="utf-8"))
    assert writers == []
