"""The main screen's start-up phases: the moves it makes, and an older round ignored."""

from __future__ import annotations

import pytest

from tui.controllers.startup import Phase, PhaseError, Startup


def test_a_round_opens_updates_and_is_ready():
    startup = Startup()
    run = startup.begin()
    assert startup.move_to(Phase.UPDATING, run)
    assert startup.move_to(Phase.READY, run)
    assert startup.history == [Phase.LISTING, Phase.OPENING, Phase.UPDATING, Phase.READY]


def test_a_round_cancelled_by_f5_cannot_report_an_index_it_did_not_finish():
    startup = Startup()
    first = startup.begin()
    startup.move_to(Phase.UPDATING, first)
    second = startup.begin()
    assert not startup.move_to(Phase.READY, first)
    assert startup.phase is Phase.OPENING
    assert startup.move_to(Phase.READY, second)


def test_ready_cannot_be_reached_twice_in_one_round_nor_failure_after_it():
    startup = Startup()
    run = startup.begin()
    startup.move_to(Phase.READY, run)
    with pytest.raises(PhaseError):
        startup.move_to(Phase.READY, run)
    with pytest.raises(PhaseError):
        startup.move_to(Phase.FAILED, run)
    assert startup.phase is Phase.READY
