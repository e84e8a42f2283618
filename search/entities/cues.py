"""Cue words that give a capitalised run its type: titles, organisation and place heads.

These are small closed lists of English news vocabulary, not names: they generalise
to any topic or region. Everything is a frozenset for O(1) membership tests.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


# Words before a name that mark a person; the title itself is left out of the span.
PERSON_TITLES = word_set(
    """
    Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Rev Reverend Father Sister
    Brother Imam Rabbi Sheikh Sheik Emir Prince Princess King Queen Pope Cardinal Archbishop
    Duke Duchess Earl Countess Baron Baroness
    Bishop President Vice Premier Chancellor Minister Secretary Senator Sen Rep
    Representative Congressman Congresswoman Governor Gov Mayor Ambassador Envoy Judge
    Justice Chief Chairman Chairwoman Chair Director Commissioner Spokesman Spokeswoman
    Spokesperson General Gen Lieutenant Lt Colonel Col Major Maj Captain Capt Commander
    Admiral Sergeant Sgt Corporal Officer Inspector Detective Coach Manager Striker
    Midfielder Defender Goalkeeper Captain Chef Deputy Speaker Leader Adviser Advisor
    Counsellor Councillor Councilman Assemblyman MP MEP Dr. Mr. Mrs. Ms. Prof. St
    Presidents Ministers Senators Generals Superintendent Ayatollah Mullah Hon Honourable CEO
    Director-General Secretary-General Vice-President Attorney-General Prime-Minister
    Undersecretary Under-Secretary Treasurer Constable Det Insp Supt Ch DCI
    """
)

# Letters after a name that are no part of it ("Tom McCabe MSP", "Jane Lee QC").
POST_NOMINALS = word_set("MP MSP MEP MLA AM QC KC OBE MBE CBE KBE DBE")

# Portfolios after a nationality word: "Russian Foreign Ministry" is Russia's ministry,
# named "Foreign Ministry", while "Russian Railways" is the company's whole name.
PORTFOLIOS = word_set(
    """
    Foreign Interior Defence Defense Finance Justice Health Education Economy Energy
    Trade Agriculture Culture Environment Transport Emergency Emergencies Home Labour
    Labor Industry Digital Internal External State Federal National
    """
)

# Party names a nationality word opens as a branch of its own ("Scottish Labour",
# "Welsh Conservatives").
PARTY_WORDS = word_set("Labour Conservatives Greens Liberals Democrats Republicans Socialists")

# Lower-case words right before a name that mark a person ("spokesman John Smith").
PERSON_LOWER_CUES = word_set(
    """
    spokesman spokeswoman spokesperson minister president secretary chairman chairwoman
    director executive chief boss coach manager striker midfielder defender goalkeeper
    captain player actor actress singer star writer author novelist poet director
    producer economist analyst professor lawyer attorney judge senator governor mayor
    ambassador envoy leader premier chancellor founder co-founder investor banker
    candidate challenger champion officer commander general colonel sergeant
    said says told wife husband son daughter father mother brother sister uncle aunt
    colleague deputy adviser advisor counsel inspector detective journalist reporter
    editor correspondent scientist researcher physicist biologist chemist astronomer
    doctor surgeon nurse activist campaigner dissident opposition veteran teammate owner
    singer-songwriter rapper comedian presenter pianist guitarist drummer frontman
    frontwoman playwright screenwriter filmmaker film-maker designer photographer bookmaker
    """
)

# Verbs right after a run that mark a speaker ("Smith said").
SPEECH_VERBS = word_set(
    """
    said says told added argued warned explained insisted noted claimed stated admitted
    denied believes believed thinks thought wrote according replied stressed asked
    announced declared emphasised emphasized urged
    """
)

# Last words of organisation names.
ORG_HEADS = word_set(
    """
    Ministry Council Bank Union Organization Organisation Forum Group Party Committee
    Commission Corporation Corp Corp. Inc Inc. Ltd Ltd. Plc plc PLC LLC LLP AG SA GmbH NV
    Co Co. Company Companies Association Agency Institute Institution University College
    School Academy Court Tribunal Parliament Assembly Congress Senate Army Navy Force
    Forces Police Service Services Office Department Federation League Club Society
    Airlines Airways Air Motors Fund Foundation Trust Network Networks News Times Post Holding
    Journal Herald Tribune Gazette Telegraph Guardian Television Radio Broadcasting
    Records Studios Pictures Entertainment Holdings Partners Capital Securities
    Industries Systems Technologies Technology Labs Laboratories Energy Petroleum Oil Gas
    Telecom Telecommunications Communications Pharmaceuticals Pharma Motor Group
    Bureau Secretariat Board Authority Administration Cabinet Government Alliance
    Coalition Movement Front Brigade Brigades Council Centre Center Hospital Church
    Mission Programme Program Exchange Markets Insurance Investments Bancorp Financial
    Media Publishing Press Magazine Railways Railway Rail Electric Electronics
    Steel Mining Chemicals Foods Beverages Brewery Group Consortium Cooperative Union
    Unions Council Commissions Directorate Inspectorate Command Guard Guards Agencies
    Institutes Universities Ministries Banks Courts Parties Senate Duma Knesset Majlis
    Rada Sejm Bundestag Cortes Congress Republicans Democrats Conservatives Liberals
    Labour Taliban Hamas Hezbollah Laboratory United Rovers Wanderers Athletic Albion
    Hotspur FC Bros Bros. Store Stores
    Textiles Logistics Shipping Construction Engineering Solutions Software Resources
    Minerals Metals Cement Utilities Ventures Enterprises Trading Brands Retail Properties
    Hotels Resorts Brewing Breweries Dairies Farms Management Community Corps Museum Marine
    Constabulary Gallery Galleries Homes Buses Coaches Music
    """
)

# First words that open an organisation name ("Bank of", "University of").
ORG_OPENERS = word_set(
    """
    Ministry Bank University Department Council Organization Organisation Institute
    Office Court Commission Committee Federation Association Union Agency Academy
    Board Bureau Church League Party Society College School House Senate
    """
)

# First words of place names ("Mount Kenya", "Lake Chad", "Cape Verde").
PLACE_OPENERS = word_set(
    "Mount Mt Lake Cape Isle Gulf Bay Port Fort Sierra Mont Monte Stade Estadio Estádio Place "
    "Palais Piazza Plaza Rue Avenida County River Loch Llyn Stadium Palace Arena"
)

# Lower-case words right before an organisation ("the broadcaster ORF", "the charity
# Christian Aid") and right after one ("the Pheu Thai party").
ORG_LOWER_CUES = word_set(
    """
    company firm group carmaker automaker airline carrier lender bank insurer retailer
    supermarket broadcaster newspaper magazine journal website network channel charity
    consultancy agency regulator watchdog club party union conglomerate manufacturer
    chipmaker miner startup start-up publisher brewer distributor exchange fund
    think-tank tank ngo organisation organization institute university housebuilder
    homebuilder shipbuilder drugmaker operator developer supplier provider promoter grocer
    """
)
ORG_LOWER_HEADS = word_set(
    """
    party group company firm bank airline club movement militia coalition alliance
    consortium conglomerate network newspaper broadcaster brand
    """
)

# Last words of place names ("Sichuan province", "Red Sea").
PLACE_HEADS = word_set(
    """
    Province Region Oblast Krai District County State Territory Territories Prefecture
    Governorate Republic Kingdom Emirate Island Islands Isles Peninsula Coast Valley
    River Lake Sea Ocean Gulf Bay Strait Straits Channel Mountains Mountain Mount Hills
    Desert Plateau Basin Delta Canyon Forest Park Square Street Avenue Road Boulevard
    City Town Village Port Harbour Harbor Airport Heights Strip Bank Plains Highlands
    Stadium Arena Reef Reefs Oval Ground Gardens Glacier Falls Canal Dam Volcano Pass Palace
    Wharf Highway Motorway End Bridge Beacons Course Firth Estuary Darya Castle
    Water Reservoir Viaduct Dales Moor Moors Fell Fells Marches Quarter Pipeline Tor Crag
    """
)

# Last words of places that are also surnames ("Spurn Point", "Whalley Range", "Notting
# Hill"; "Damon Hill", "Nathan Lane"): a place only after a word that is no given name.
PLACE_HEADS_UNLESS_PERSON = word_set(
    """
    Point Head Ness Edge Range Lane Drive Crescent Close Terrace Grove Hill Common Heath
    Green Vale Sands Cove Quay Pier Sound Fen Wood Marsh
    """
)

# Lower-case heads after a capitalised run that make it a place ("Sichuan province").
PLACE_LOWER_HEADS = word_set(
    """
    province region oblast district county state prefecture governorate territory
    valley river island islands peninsula city town village mountains desert
    villages towns cities provinces regions districts valleys rivers streams lakes reservoirs
    corridor crossing checkpoint ruins hamlet hamlets pass passes municipality municipalities canton
    commune archipelago lowland lowlands highlands plain plains steppe steppes gorge
    coast coastline coasts hills estuary harbour beach beaches cliffs moor moors lake forest
    """
)

# Last words of events, awards, laws and documents: named, but not people,
# organisations or places ("Sydney Olympics", "Academy Award", "Patriot Act").
NOT_ENTITY_HEADS = word_set(
    """
    Olympics Olympic Games Championship Championships Cup Cups Open Prix Trophy Awards Award
    Oscars Oscar Baftas Grammys Emmys Marathon Derby Series Tour Festival Directive Act Acts
    Bill Treaty Accord Accords Agreement Protocol Declaration Paper Summit War Wars Day Week
    Year Prize Medal Tournament Season Final Finals League's Show Album Song Novel Film
    Law Constitution Code Charter Doctrine Plan Initiative Strategy Christmas Easter
    Nations Slam Bowl Superbowl Bafta Baftas Grammy Emmy Globes Brits Sevens Election
    Ramadan Eid Diwali Hanukkah Thanksgiving Passover Lent Advent
    Genocide Massacre Revolution Famine Uprising Agreements Treaties Declarations Protocols
    Telescope Spacecraft Rocket Probe
    """
)

# Lower-case nouns after a name that make it a product, a mission or a body part, not
# its maker ("the Orion capsule", "the Eras tour", "an Achilles injury").
PRODUCT_LOWER_HEADS = word_set(
    """
    capsule probe mission rover spacecraft rocket telescope satellite lander tour album
    single speaker speakers headset smartphone handset app chatbot console vaccine drug
    injury tendon programme scheme trilogy franchise sequel sitcom
    howitzer howitzers missile missiles drone drones warship warships rifle rifles
    holiday holidays festivities disease diseases syndrome virus variant
    """
)

# Products news names like companies; a product is no entity ("a new Xbox").
PRODUCTS = word_set(
    """
    Windows Xbox PlayStation PSP iPod iPhone iPad iTunes Mac Macintosh Linux Firefox
    Bluetooth Blu-ray Wi-Fi Android iOS Kindle Alexa Siri ChatGPT Walkman Gmail Freeview
    """
)

# Lower-case nouns before a name that make it a work ("the film Anora", "his hit
# Stargazing", "the sitcom Ghosts").
WORK_NOUNS = word_set(
    """
    film films movie album albums song songs hit drama sitcom series novel musical
    documentary opera
    """
)

# The Moon, the Sun and the planets: capitalised, but no entity.
CELESTIAL = word_set("Moon Sun Earth Mercury Venus Mars Jupiter Saturn Uranus Neptune Pluto")

# Words before a place name ("in Chingola", "near Cooktown").
LOCATIVES = word_set("in at near from to outside around towards toward via of across into")

# Words that join two names inside one run; a run is split on them unless known.
JOINERS = frozenset(["and", "&", "or", "with", "v", "vs", "versus"])

# Lower-case particles allowed inside a name ("Bank of England", "Luiz Inácio Lula da Silva").
NAME_PARTICLES = word_set(
    """
    of de del della der den di da das do dos du van von la le bin ibn al el y
    for the on in at
    """
)

# Capitalised words that are almost never names on their own: sentence openers,
# pronouns, weekday and month words are handled by the DATE patterns.
COMMON_CAPITALISED = word_set(
    """
    The A An This That These Those It Its He She His Her Hers They Them Their We Our Us
    I You Your My Me Mine Him Who Whom Whose What Which Why How Where When Whether While
    But And Or Nor So Yet For If Then Than Thus Hence Therefore However Meanwhile Moreover
    Furthermore Nevertheless Nonetheless Also Although Though Despite Since Until Unless
    Because As At In On Of Off By With Without Within From To Into Onto Over Under After
    Before During Between Among Against Across Through Throughout About Above Below Near
    Now Today Tomorrow Yesterday Tonight Here There Some Many Most Several All Both Each
    Every Any Either Neither No Not None One Two Three Four Five Six Seven Eight Nine Ten
    Second Third Last Next Other Another Such Only Even Still Already Just Please
    Yes Well Indeed Instead Perhaps Maybe Overall Finally Later Earlier Recently Once
    Again Similarly Likewise Additionally Separately Elsewhere Otherwise Accordingly
    Consequently Currently Previously Initially Eventually Ultimately Clearly Certainly
    Sources Officials Analysts Experts Critics Observers Reports Residents Police Local
    Given Including Excluding Considering Regarding Concerning Whereas Whilst Upon Via Plus
    Q&A FAQ According Under Amid Following Asked Speaking Writing Reporting Despite Thanks Due
    Mr Mrs Ms Dr Chief Senior Junior Former Acting Deputy More Less Much Very Too Why Let
    Like Unlike Whatever
    Whoever Whenever Wherever Everyone Everything Nobody Nothing Someone Something
    Anyone Anything People Government Economy Market Markets Shares Prices Sales Profits
    Photo Image Video Read Watch Listen Share Follow Subscribe Click See Source Update
    Updated Published Posted Editor Note Notes Breaking Exclusive Analysis Opinion
    Comment Comments Related Advertisement Copyright Page Chapter Section Table Figure
    OK TV PM AM CEO CFO COO CTO GDP GMT UTC BST EST PST AD BC FM AM DJ MP MPs CD DVD PC IT
    AI ID IQ VIP VAT PR HQ UFO DNA HIV AIDS PhD MBA HD Eleven Twelve Thirteen Fifteen
    Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety Hundred Thousand Million
    Billion Dozens Hundreds Thousands Millions
    SUV SMS MMS GPS USB LCD HDTV IPO ATM WAP GPRS RSS XML HTML URL PDF DIY VJ EP LP SIM
    PIN IVF MRI CCTV ISP DRM VoIP DVR PVR
    Don't Can't Won't Isn't Doesn't Didn't Couldn't Wouldn't Shouldn't Aren't Wasn't
    Weren't Haven't Hasn't Don’t Can’t Won’t Isn’t Doesn’t Didn’t Sri
    """
)

# Function words: capitalised inside a run only where punctuation went missing
# ("invasion of Ukraine To Azerbaijan", "President Ilham Aliyev He stressed"), so a
# run is cut there. Lower-case particles ("of", "and") are not among them.
CLOSED_CLASS = word_set(
    """
    The A An This That These Those It Its He She His Her They Them Their We Our Us You
    Your My Him Who Whom Whose Which What When Where While But Or Nor So Yet If Then Than
    As At In On Of Off By With Without Within From To Into Onto Over Under After Before
    During Between Among Against Across Through About Above Below Although Though Despite
    Since Until Unless Because Also Is Are Was Were Be Been Being Has Have Had Will Would
    Can Could Should Must Shall Not No Do Does Did However Meanwhile Moreover
    """
)

# Names of competitions, tournaments and events news writes like organisations.
EVENT_NAMES = frozenset(
    [
        "Champions League",
        "Palme d'Or",
        "Europa League",
        "Nations League",
        "Conference League",
        "Wimbledon",
        "World Cup",
        "Six Nations",
        "Ryder Cup",
        "Tour de France",
        "Ashes",
        "Masters",
        "Super Bowl",
        "Grand National",
    ]
)

# Of those, the pronouns: a sentence's subject, never inside a name.
PRONOUNS = word_set("He She It They We You His Her Its Their Our Who")

# Nationality and language adjectives that do not follow the "country + suffix" rule.
DEMONYMS = word_set(
    """
    American Americans British Briton Britons English Scottish Scot Scots Welsh Irish
    French Dutch Swiss German Germans Greek Greeks Spanish Spaniard Spaniards Portuguese
    Danish Dane Danes Swedish Swede Swedes Finnish Finn Finns Norwegian Norwegians
    Icelandic Polish Pole Poles Czech Czechs Slovak Slovaks Hungarian Hungarians Turkish
    Turk Turks Arab Arabs Arabic Kurdish Kurd Kurds Persian Jewish Jew Jews Israeli
    Israelis Palestinian Palestinians Thai Thais Filipino Filipinos Chinese Japanese
    Korean Koreans Vietnamese Taiwanese Burmese Lao Malay Malaysian Indonesian Indian
    Indians Pakistani Pakistanis Bangladeshi Afghan Afghans Iraqi Iraqis Iranian
    Iranians Saudi Saudis Yemeni Emirati Qatari Kuwaiti Omani Bahraini Jordanian
    Lebanese Syrian Syrians Egyptian Egyptians Libyan Tunisian Algerian Moroccan
    Sudanese Ethiopian Somali Kenyan Kenyans Ugandan Tanzanian Rwandan Congolese
    Nigerian Nigerians Ghanaian Senegalese Malian Ivorian Cameroonian Angolan
    Mozambican Zimbabwean Zambian Malawian Namibian Botswanan Mexican Mexicans
    Cuban Brazilian Brazilians Argentine Argentinian Chilean Peruvian Colombian
    Venezuelan Ecuadorian Bolivian Paraguayan Uruguayan Canadian Canadians Australian
    Australians Kiwi Russian Russians Ukrainian Ukrainians Belarusian Georgian Armenian
    Armenians Azerbaijani Azeri Azeris Kazakh Uzbek Tajik Turkmen Kyrgyz Mongolian
    Serbian Serb Serbs Croatian Croat Croats Bosnian Albanian Macedonian Bulgarian
    Romanian Moldovan Slovenian Lithuanian Latvian Estonian Austrian Belgian Italian
    Italians Maltese Cypriot European Europeans African Africans Asian Asians Latino
    Latina Hispanic Western Eastern Northern Southern Soviet Nordic Baltic Balkan
    Dutchman Frenchman Englishman Irishman Scotsman Welshman Dutchwoman Frenchwoman
    Englishwoman Irishwoman Scotswoman Welshwoman Caucasian Sunni Shia Shiite Muslim Muslims
    Christian Christians Catholic Catholics
    Protestant Orthodox Hindu Hindus Buddhist Sikh Islamic Western Westerners
    Caribbean Pacific Atlantic Arctic Antarctic Sahelian Andean Amazonian Scandinavian
    Roman Romans Norman Normans Saxon Saxons Anglo-Saxon Anglo-Saxons Viking Vikings
    Byzantine Ottoman Tudor Victorian Edwardian Elizabethan Neolithic
    Lankan Lankans
    Sino Anglo Franco Russo Indo Afro Euro Greco Austro Irano Deutsche Deutscher
    Turkic Abkhaz Abkhazian Ossetian Ossetians Chechen Chechens Dagestani Ingush Talysh
    Lezgin Avar Adjarian Circassian Tatar Tatars Bashkir Yakut Uyghur Uyghurs Pashtun
    Baloch Karakalpak Yazidi Assyrian Nakhchivani Karabakhi Meskhetian Laz Kumyk Slavic
    Mandarin Cantonese Hindi Urdu Swahili Farsi Pashto Dari Bengali Tamil Hebrew Latin
    """
)

# Compass words that open place names ("South Tyrol") and adjectives ("South Korean").
COMPASS = frozenset(["North", "South", "East", "West", "Central", "Northern", "Southern"])

# Demonym suffixes: "Russia" -> "Russian", "Azerbaijan" -> "Azerbaijani".
DEMONYM_SUFFIXES = ("ians", "ian", "ans", "an", "ese", "ish", "is", "i", "ic", "ean", "ese")

# Surname endings common from the Caucasus to the Balkans ("Pashinyan", "Aliyev",
# "Shevchenko", "Kowalski", "Djokovic", "Kobakhidze", "Erdogan" excepted).
SURNAME_ENDING = re.compile(
    r"[a-z](?:yan|yev|yeva|ov|ova|ev|eva|enko|ski|ska|sky|vich|vic|dze|shvili|oglu|zadeh|escu)$"
)

# Words that end a name and the piece of text it stands in: a company's legal form
# ("Acme Inc.") and a person's generation ("Martin Luther King Jr.").
COMPANY_ENDS = frozenset(["Inc.", "Corp.", "Ltd.", "Co.", "Bros."])
ENDS_NAME = COMPANY_ENDS | {"Jr.", "Sr."}
