"""Stories for the copies-and-versions tests: a report, the same report re-filed with
small edits, and another report of the same event in its own words."""

from __future__ import annotations

from pathlib import Path

REPORT = """Harbour deal signed in Baku

The port authority signed a twenty-year agreement on Tuesday to expand the container
terminal at Alat, the largest construction contract in the region this decade.

Under the deal a consortium of three shipping firms will build two new berths, dredge
the approach channel and lay a rail spur to the main line towards Georgia. Work is due
to start in the spring and the first berth should open within three years.

The transport minister said the terminal would double the volume of cargo that can
cross the Caspian each year and bring hundreds of jobs to the coast. Officials expect
most of the traffic to be containers bound for Europe from Central Asia.

Critics of the plan have warned that the cost of dredging was left out of the budget
presented to parliament last year, and that the environmental review is not finished.
"""

# The same story re-filed: a new headline, one sentence reworded, a closing paragraph.
VERSION = """Baku signs twenty-year harbour deal

The port authority signed a twenty-year agreement on Tuesday to expand the container
terminal at Alat, the largest construction contract in the region this decade.

Under the deal a consortium of three shipping firms will build two new berths, dredge
the approach channel and lay a rail spur to the main line towards Georgia. Work is due
to begin next spring and the first berth should open within three years.

The transport minister said the terminal would double the volume of cargo that can
cross the Caspian each year and bring hundreds of jobs to the coast. Officials expect
most of the traffic to be containers bound for Europe from Central Asia.

Critics of the plan have warned that the cost of dredging was left out of the budget
presented to parliament last year, and that the environmental review is not finished.

The consortium declined to say how much each firm would invest.
"""

# The same event, told in other words: related, not a version.
OTHER = """Alat port to grow after contract

Three shipping companies won the contract to enlarge the Alat container port, the
government announced, ending months of talks over who would pay for the work.

The firms are to add berths and a railway link, and deepen the channel ships use to
reach the quays. Ministers hope the port will handle twice as much freight within a
few years, most of it travelling between China and European markets.

Environmental groups asked for the dredging to wait until a review of the seabed is
published, and opposition deputies questioned the costs.
"""


def write(folder: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (name -> text) into ``folder``, made if missing."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder
