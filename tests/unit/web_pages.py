"""Web pages as analysts save them, each with what a reader should make of it.

Every page wraps its story in the furniture real sites have (navigation bars,
cookie banners, related links, share buttons, footers, scripts, styles) and
states its metadata one of the ways sites do: Open Graph and article: tags,
Twitter cards, JSON-LD, ``<meta name="author">``, a "By ..." byline, a
``<time datetime>``, or only a ``<title>`` decorated with the site's name.
Words that appear only in the furniture ("Subscribe", "Weather", "cookies") must
never be found in an article's body.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WebPage:
    """A page's markup and what ``briefing articles --json`` should say about it."""

    html: str
    title: str
    source: str | None
    author: str | None
    date: str | None
    body_start: str
    body_words: tuple[str, ...]


# Words that appear only in navigation, banners, related links, footers, scripts
# and styles: none may reach an article's body or be found by a search.
FURNITURE_WORDS = (
    "Subscribe",
    "Newsletter",
    "Weather",
    "cookies",
    "Podcasts",
    "Horoscopes",
    "gtag",
    "trackPageview",
    "font-family",
    "JavaScript",
    "Crossword",
)

_HEAD_EXTRAS = """
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
<style>body { font-family: Georgia, serif; } .nav a { color: #c00; }</style>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-XYZ"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}
gtag('js', new Date()); trackPageview('article');</script>
"""

_NAV = """
<header class="site-header">
  <a class="logo" href="/">{site}</a>
  <nav class="nav"><ul>
    <li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
    <li><a href="/podcasts">Podcasts</a></li><li><a href="/horoscopes">Horoscopes</a></li>
    <li><a href="/subscribe">Subscribe</a></li>
  </ul></nav>
</header>
<div id="cookie-banner" class="cookie-consent">
  <p>We use cookies to improve your experience. By continuing you agree to our use of cookies.</p>
  <button>Accept all</button><button>Manage settings</button>
</div>
<noscript><p>Please enable JavaScript to read the full site.</p></noscript>
"""

_FOOTER = """
<aside class="related">
  <h2>Related stories</h2>
  <ul>
    <li><a href="/a1">Crossword: today's puzzle</a></li>
    <li><a href="/a2">Horoscopes for the week ahead</a></li>
    <li><a href="/a3">Weather warning for the weekend</a></li>
  </ul>
</aside>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<footer class="site-footer">
  <form><label>Newsletter</label><input type="email" placeholder="Your e-mail">
  <button>Subscribe</button></form>
  <p><a href="/about">About us</a> · <a href="/privacy">Privacy</a>
  · <a href="/cookies">cookies</a></p>
  <p>© 2025 {site}. All rights reserved.</p>
</footer>
<script>document.querySelectorAll('.share a').forEach(a => trackPageview(a.href));</script>
"""

_HARBOUR = (
    "<p>The port authority and the Nordline shipping group signed the harbour deal on "
    "Tuesday after eleven months of talks, securing the future of the eastern quay for "
    "another thirty years.</p>\n"
    "<p>Under the agreement, Nordline will invest in two new cranes and dredge the "
    "approach channel so that larger container vessels can berth at low tide.</p>\n"
    "<p>Dockworkers' representatives welcomed the guarantee that existing jobs will be "
    "kept, though they said they would watch closely how the new shift patterns are "
    "introduced next spring.</p>\n"
)


def _page(head: str, body: str, *, site: str = "Coastal Courier") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"{head}{_HEAD_EXTRAS}</head>\n<body>\n{_NAV.format(site=site)}"
        f"<main>\n{body}\n</main>\n{_FOOTER.format(site=site)}</body>\n</html>\n"
    )


PAGES: dict[str, WebPage] = {
    # The <title> is a shortened headline; the article's own <h1> is the full one,
    # and the first thing on the page is a navigation bar.
    "harbour_short_title.html": WebPage(
        html=(
            "<!DOCTYPE html>\n<html><head><title>Harbour deal</title></head><body>\n"
            '<nav><a href="/">Home</a> | <a href="/news">News</a></nav>\n'
            "<h1>Harbour deal signed</h1>\n"
            "<p>The port authority and the Nordline shipping group signed the harbour "
            "deal on Tuesday after months of talks.</p>\n"
            "</body></html>\n"
        ),
        title="Harbour deal signed",
        source=None,
        author=None,
        date=None,
        body_start="The port authority and the Nordline shipping group",
        body_words=("Nordline",),
    ),
    # A news site: the site's name only after " | " in <title>, a "By" byline and a
    # <time datetime> inside the article.
    "news_site.html": WebPage(
        html=_page(
            "<title>Harbour deal signed after months of talks | Coastal Courier</title>\n",
            "<article>\n<h1>Harbour deal signed after months of talks</h1>\n"
            '<p class="byline">By Jane Doe</p>\n'
            '<time datetime="2025-03-04T09:30:00+00:00">4 March 2025</time>\n'
            + _HARBOUR
            + "</article>",
        ),
        title="Harbour deal signed after months of talks",
        source="Coastal Courier",
        author="Jane Doe",
        date="2025-03-04",
        body_start="The port authority and the Nordline shipping group",
        body_words=("Nordline", "dredge", "Dockworkers"),
    ),
    # A blog whose <title> puts the site first: "Site Name - Story headline".
    "blog_post.html": WebPage(
        html=_page(
            "<title>Field Notes - Why the river keeps flooding the old town</title>\n"
            '<meta name="author" content="Marta Lind">\n'
            '<meta property="article:published_time" content="2024-11-18T07:00:00Z">\n',
            '<article class="post">\n<h1 class="entry-title">Why the river keeps flooding '
            "the old town</h1>\n"
            "<p>Three floods in five years have left the shopkeepers of the old town "
            "asking why the embankment built in 1998 no longer holds the river back.</p>\n"
            "<p>The answer, according to hydrologists at the regional water board, lies "
            "upstream: drained wetlands and new car parks send rainwater into the channel "
            "far faster than the engineers who designed the embankment expected.</p>\n"
            "<p>The board proposes to flood farmland deliberately during storms, paying "
            "farmers for the lost harvest, rather than raise the embankment again.</p>\n"
            '</article>\n<section class="comments"><h3>3 comments</h3><p>Great post!</p></section>',
            site="Field Notes",
        ),
        title="Why the river keeps flooding the old town",
        source="Field Notes",
        author="Marta Lind",
        date="2024-11-18",
        body_start="Three floods in five years",
        body_words=("hydrologists", "embankment", "farmland"),
    ),
    # Open Graph: og:title is the headline, og:site_name the source, while <title>
    # is the shortened form an editor wrote for the browser tab.
    "open_graph.html": WebPage(
        html=_page(
            "<title>Wind farm approved</title>\n"
            '<meta property="og:title" content="Offshore wind farm approved despite '
            "fishermen's objections\">\n"
            '<meta property="og:site_name" content="The Northern Herald">\n'
            '<meta property="og:type" content="article">\n'
            '<meta property="article:published_time" content="2025-01-21T16:45:00+01:00">\n'
            '<meta property="article:author" content="Piet Janssen">\n',
            "<article>\n<h1>Offshore wind farm approved despite fishermen's objections</h1>\n"
            "<p>The planning commission approved the forty-turbine offshore wind farm on "
            "Monday, rejecting the fishermen's association's argument that the cables "
            "would close the best sole grounds in the bay.</p>\n"
            "<p>The developer promised a compensation fund and seasonal limits on cable "
            "laying, which the commission made a condition of the permit.</p>\n"
            "</article>",
            site="The Northern Herald",
        ),
        title="Offshore wind farm approved despite fishermen's objections",
        source="The Northern Herald",
        author="Piet Janssen",
        date="2025-01-21",
        body_start="The planning commission approved the forty-turbine",
        body_words=("turbine", "compensation"),
    ),
    # A Twitter card is the only place the full headline is stated; <title> is only
    # the site's name.
    "twitter_card.html": WebPage(
        html=_page(
            "<title>Valley Times</title>\n"
            '<meta name="twitter:card" content="summary_large_image">\n'
            '<meta name="twitter:title" content="School meals to be free for every pupil '
            'from September">\n'
            '<meta name="date" content="2025-06-02">\n',
            '<div class="story">\n'
            "<p>Every primary and secondary pupil in the valley will receive a free hot "
            "lunch from September, the council announced, after a pilot in four schools "
            "raised attendance.</p>\n"
            "<p>The scheme will cost about two million a year and will be paid for by "
            "closing two underused council offices.</p>\n</div>",
            site="Valley Times",
        ),
        title="School meals to be free for every pupil from September",
        source="Valley Times",
        author=None,
        date="2025-06-02",
        body_start="Every primary and secondary pupil",
        body_words=("lunch", "attendance"),
    ),
    # No <title>, no meta tags: only the <h1>.
    "only_h1.html": WebPage(
        html=(
            "<!DOCTYPE html>\n<html><head><meta charset='utf-8'></head><body>\n"
            "<h1>Ferry timetable changes for the winter</h1>\n"
            "<p>The island ferry will run four times a day instead of six from November, "
            "the operator said, citing the cost of fuel and a shortage of crew.</p>\n"
            "<p>Islanders' groups asked for the first morning crossing to be kept so that "
            "pupils can reach the mainland school on time.</p>\n"
            "</body></html>\n"
        ),
        title="Ferry timetable changes for the winter",
        source=None,
        author=None,
        date=None,
        body_start="The island ferry will run four times a day",
        body_words=("Islanders", "crossing"),
    ),
    # JSON-LD NewsArticle states everything; <title> carries an agency suffix.
    "json_ld.html": WebPage(
        html=_page(
            "<title>Copper price hits record as mines strike - Reuters</title>\n"
            '<script type="application/ld+json">{"@context": "https://schema.org", '
            '"@type": "NewsArticle", "headline": "Copper price hits record as Andean '
            'mines strike", "datePublished": "2025-05-12T08:15:00Z", "author": '
            '{"@type": "Person", "name": "Lucia Ortega"}, "publisher": {"@type": '
            '"Organization", "name": "Reuters"}}</script>\n',
            "<article>\n<h1>Copper price hits record as Andean mines strike</h1>\n"
            "<p>Copper rose to a record on the London Metal Exchange on Monday as strikes "
            "at two of the largest Andean mines entered their second week.</p>\n"
            "<p>Traders said stocks in exchange warehouses had fallen to their lowest "
            "level since 2008, leaving smelters scrambling for concentrate.</p>\n"
            "</article>",
            site="Reuters",
        ),
        title="Copper price hits record as Andean mines strike",
        source="Reuters",
        author="Lucia Ortega",
        date="2025-05-12",
        body_start="Copper rose to a record on the London Metal Exchange",
        body_words=("smelters", "concentrate"),
    ),
    # A site prefix in <title> with a colon-free dash and an agency name, the date
    # only in the article's <time>, the author only in a byline paragraph.
    "agency_prefix.html": WebPage(
        html=_page(
            "<title>BBC News - Rail strike called off after overnight talks</title>\n",
            '<div id="main-content">\n<h1 id="content">Rail strike called off after '
            "overnight talks</h1>\n"
            '<div class="meta"><span>By Tom Hughes</span> '
            '<time datetime="2025-02-27">27 February</time></div>\n'
            "<p>A national rail strike planned for Friday has been called off after "
            "unions and operators reached a provisional pay agreement in talks that "
            "lasted through the night.</p>\n"
            "<p>Members will vote on the offer over the next three weeks; the union's "
            "leadership said it would recommend acceptance.</p>\n</div>",
            site="BBC",
        ),
        title="Rail strike called off after overnight talks",
        source="BBC News",
        author="Tom Hughes",
        date="2025-02-27",
        body_start="A national rail strike planned for Friday",
        body_words=("provisional", "acceptance"),
    ),
    # Scripts, styles, noscript and templates in the body must not leak into it.
    "scripts_and_styles.html": WebPage(
        html=_page(
            "<title>Museum reopens its Viking hall | Coastal Courier</title>\n"
            '<meta property="og:site_name" content="Coastal Courier">\n'
            '<meta name="author" content="Ola Nilsen">\n'
            '<meta property="article:published_time" content="2023-09-09">\n',
            "<article>\n<h1>Museum reopens its Viking hall</h1>\n"
            "<style>.pull-quote { font-family: Arial; }</style>\n"
            "<p>The city museum reopened its Viking hall on Saturday after a two-year "
            "renovation that added climate-controlled cases for the ship timbers.</p>\n"
            "<script>trackPageview('viking'); var gtag = 1;</script>\n"
            "<noscript>Please enable JavaScript to watch the video.</noscript>\n"
            "<template><p>Subscribe to read more</p></template>\n"
            "<p>Curators said the hall now shows twice as many objects, including a "
            "silver hoard found by a farmer in 1911.</p>\n</article>",
        ),
        title="Museum reopens its Viking hall",
        source="Coastal Courier",
        author="Ola Nilsen",
        date="2023-09-09",
        body_start="The city museum reopened its Viking hall",
        body_words=("timbers", "hoard"),
    ),
    # WordPress with Yoast: JSON-LD in an @graph, the author given by @id, the
    # blog's name after a dash in <title> and nowhere else but its footer.
    "wordpress_yoast.html": WebPage(
        html=_page(
            "<title>Ten years of the night bus &#8211; Harbour Watch</title>\n"
            '<script type="application/ld+json" class="yoast-schema-graph">{"@context": '
            '"https://schema.org", "@graph": [{"@type": "Article", "@id": '
            '"https://watch.example/night-bus/#article", "headline": "Ten years of the '
            'night bus", "datePublished": "2022-10-03T21:10:00+00:00", "author": {"@id": '
            '"https://watch.example/#/schema/person/1"}}, {"@type": "Person", "@id": '
            '"https://watch.example/#/schema/person/1", "name": "Ines Costa"}]}</script>\n',
            '<h1 class="entry-title">Ten years of the night bus</h1>\n'
            '<div class="entry-content">\n'
            "<p>When the night bus between the harbour and the university started in "
            "2012, the operator expected a dozen passengers a trip. Last year it carried "
            "more than four hundred thousand.</p>\n"
            "<p>Drivers say the route has changed the town: bakers, nurses and cleaners "
            "now outnumber students after midnight.</p>\n</div>",
            site="Harbour Watch",
        ),
        title="Ten years of the night bus",
        source="Harbour Watch",
        author="Ines Costa",
        date="2022-10-03",
        body_start="When the night bus between the harbour",
        body_words=("bakers", "midnight"),
    ),
    # Only a <title> with the site's name first; the site is known from its footer.
    "title_only_site_first.html": WebPage(
        html=(
            "<!DOCTYPE html>\n<html><head><title>Harbour Watch - Ferry fares rise again "
            "this winter</title></head><body>\n"
            '<div class="header"><a href="/">Harbour Watch</a></div>\n'
            "<div><p>Ferry fares to the islands will rise by nine per cent in December, "
            "the third increase in two years, the operator confirmed.</p>\n"
            "<p>Season tickets for islanders are exempt.</p></div>\n"
            "<div class='footer'><p>© 2025 Harbour Watch</p></div>\n</body></html>\n"
        ),
        title="Ferry fares rise again this winter",
        source="Harbour Watch",
        author=None,
        date=None,
        body_start="Ferry fares to the islands will rise",
        body_words=("exempt",),
    ),
    # The site's logo is the page's <h1>; the headline is an <h2> and in <title>.
    "logo_heading.html": WebPage(
        html=(
            "<!DOCTYPE html>\n<html><head><title>Bridge closed for repairs until May"
            " | Valley Times</title></head><body>\n"
            '<header><h1 class="logo"><a href="/">Valley Times</a></h1>\n'
            '<nav><a href="/">Home</a> <a href="/weather">Weather</a></nav></header>\n'
            '<div class="content"><h2>Bridge closed for repairs until May</h2>\n'
            "<p>The old stone bridge over the river will stay closed to cars until May "
            "while engineers replace the corroded ties found during an inspection.</p>\n"
            "<p>Pedestrians can still cross on a temporary walkway.</p></div>\n"
            "</body></html>\n"
        ),
        title="Bridge closed for repairs until May",
        source="Valley Times",
        author=None,
        date=None,
        body_start="The old stone bridge over the river",
        body_words=("corroded", "walkway"),
    ),
    # A mega-menu of links that is not marked up as navigation, in the same unnamed
    # wrapper as a story that has no <article> or <main> around it.
    "menu_in_wrapper.html": WebPage(
        html=(
            "<!DOCTYPE html>\n<html><head><title>Quay opens in spring | Port News</title>"
            "</head><body>\n<div id='page'><div><ul>"
            + "".join(f"<li><a href='/s{i}'>Horoscopes {i}</a></li>" for i in range(200))
            + "</ul></div>\n<h2>Quay opens in spring</h2>\n"
            "<p>The harbour authority confirmed on Tuesday that the new quay will open "
            "next spring, after two years of delays caused by flooding and a shortage of "
            "steel.</p>\n</div></body></html>\n"
        ),
        title="Quay opens in spring",
        source="Port News",
        author=None,
        date=None,
        body_start="The harbour authority confirmed on Tuesday",
        body_words=("steel",),
    ),
    # The headline and byline in the page's own <header>, no <article> or <main>.
    "header_heading.html": WebPage(
        html=_page(
            "<title>Quay delay</title>\n",
            "<h2>Quay opening delayed by steel shortage</h2>\n"
            "<p>The harbour authority said the new quay will open a year late because "
            "the steel for its piles has not been delivered.</p>\n",
            site="Port News",
        )
        .replace("<main>", "")
        .replace("</main>", "")
        .replace(
            '<header class="site-header">',
            '<header class="site-header"><h1>Quay opening delayed by steel shortage</h1>'
            '<p class="byline">By Ann Lee</p>',
        ),
        title="Quay opening delayed by steel shortage",
        source=None,
        author="Ann Lee",
        date=None,
        body_start="The harbour authority said the new quay will open a year late",
        body_words=("piles",),
    ),
    # A Russian agency: an em dash and the site's name in <title>, og:site_name.
    "russian_agency.html": WebPage(
        html=_page(
            "<title>Лавров прибыл в Баку — РИА Новости, 12.07.2024</title>\n"
            '<meta property="og:site_name" content="РИА Новости">\n'
            '<meta property="article:published_time" content="2024-07-12T10:05:00+03:00">\n',
            "<article>\n<h1>Лавров прибыл в Баку</h1>\n"
            "<p>Министр иностранных дел России Сергей Лавров прибыл в Баку с официальным "
            "визитом, сообщает корреспондент агентства.</p>\n"
            "<p>В ходе визита запланированы переговоры с министром иностранных дел "
            "Азербайджана.</p>\n</article>",
            site="РИА Новости",
        ),
        title="Лавров прибыл в Баку",
        source="РИА Новости",
        author=None,
        date="2024-07-12T10:05",
        body_start="Министр иностранных дел России Сергей Лавров",
        body_words=("Лавров", "переговоры"),
    ),
    # A chapter of an online handbook: the book's name is the <h1> of the menu bar,
    # the chapter's is an <h2> in <main>, and the source wraps lines at 80 columns.
    "handbook_chapter.html": WebPage(
        html=(
            "<!DOCTYPE html>\n<html><head><title>Mooring rules - The Harbour Handbook"
            "</title></head><body>\n"
            '<div id="menu-bar"><h1 class="menu-title">The Harbour Handbook</h1></div>\n'
            "<main>\n<h2>Mooring rules</h2>\n"
            "<p>Vessels longer than twenty metres must moor at the eastern quay and\n"
            "report their arrival to the harbour master within one hour of\n"
            "tying up.</p>\n"
            "<pre>berth  length\nE1     40 m\nE2     55 m</pre>\n</main>\n</body></html>\n"
        ),
        title="Mooring rules",
        source="The Harbour Handbook",
        author=None,
        date=None,
        body_start="Vessels longer than twenty metres must moor at the eastern quay and "
        "report their arrival to the harbour master within one hour of tying up.",
        body_words=("berth",),
    ),
}


def write_pages(folder: Path, pages: dict[str, WebPage] = PAGES) -> Path:
    """Write every page into ``folder`` as UTF-8 and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, page in pages.items():
        (folder / name).write_text(page.html, encoding="utf-8")
    return folder
