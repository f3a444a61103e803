"""The theme is not the event: in a corpus where most pieces name the same people and
countries on the same day (an analyst's week of Lula, Brazil and Mercosur), two pieces that
share only those are two stories; two versions that also share the event's own places,
figures and names are one. A corpus too small to have a theme (five pieces on one trip)
keeps its versions together."""

from __future__ import annotations

from pathlib import Path

from reader.core.stories.clustering import cluster
from reader.core.stories.features import StoryFeatures
from reader.core.stories.params import DEFAULT_PARAMS
from reader.core.stories.similarity import DocFrequencies, similarity, theme_cosine, vector
from tests.unit.story_pieces import folder_features, piece

P = DEFAULT_PARAMS
SEEDS = Path(__file__).resolve().parents[2] / "corpus"


def _piece(name: str, title: str, text: str, date: str = "2026-05-14") -> StoryFeatures:
    return piece(name, title, text, date)


# Pieces of one day that all name Lula, Brazil and Mercosur, each about something else
# (each told in its own words: templated text would be near copies).
TOPICS = [
    (
        "Ipatinga steel plant",
        "Furnace workers at Ipatinga demanded higher wages as unions "
        "threatened a stoppage over night shifts and pension rules.",
    ),
    (
        "Manaus vaccine factory",
        "The Manaus factory will bottle forty million doses a year "
        "for clinics along the Amazon, nurses and health officials said.",
    ),
    (
        "Ceara drought",
        "Reservoirs in Ceara fell below a tenth of capacity, and farmers "
        "queued for cisterns as rainfall stayed far under the seasonal average.",
    ),
    (
        "Recife stadium",
        "Fans in Recife protested ticket prices at the rebuilt stadium "
        "while league referees asked for better changing rooms.",
    ),
    (
        "Santos railway",
        "Freight wagons on the new Santos line will carry soybeans and "
        "sugar to the port, cutting truck traffic on the coastal highway.",
    ),
    (
        "Alcantara launch",
        "Engineers at Alcantara readied a small rocket to put a weather "
        "satellite into a low polar orbit next month.",
    ),
    (
        "Belem schools",
        "Teachers in Belem will receive new textbooks and tablets, and "
        "pupils in riverside villages get boats to reach their classrooms.",
    ),
    (
        "Goiania hospital",
        "Surgeons opened a cardiac wing in Goiania with eighty beds and "
        "two operating theatres for children.",
    ),
    (
        "Natal wind farm",
        "Turbines off Natal add three hundred megawatts to the northeast "
        "grid, the operator said, with blades made in Pernambuco.",
    ),
    (
        "Minas coffee",
        "Coffee growers in southern Minas expect a record arabica crop after "
        "mild frosts, exporters and roasters said.",
    ),
    (
        "Porto Alegre flood",
        "Rescuers in Porto Alegre used boats to reach families on "
        "rooftops after the Guaiba river broke through a levee.",
    ),
    (
        "Gramado festival",
        "The Gramado festival opened with a premiere by a young "
        "director from Pelotas, and the jury includes two Chilean actors.",
    ),
    (
        "Cuiaba bridge",
        "A concrete bridge over the Cuiaba river, four lanes wide, was "
        "closed after inspectors found cracks in a pillar.",
    ),
    (
        "Salvador police",
        "Police officers in Salvador will wear body cameras, and a civilian "
        "board will hear complaints about patrols in Liberdade.",
    ),
    (
        "Carajas mine",
        "Inspectors suspended a tailings dam at Carajas until the iron ore "
        "miner reinforces its walls and moves a nearby village.",
    ),
    (
        "Fortaleza housing",
        "Builders will hand over twelve thousand apartments in Fortaleza "
        "to tenants on low incomes, with mortgages from a state bank.",
    ),
]
LEADS = [
    "Brazil's Lula, host of the Mercosur meeting, spoke about it on Thursday.",
    "As Brazil welcomes Mercosur partners, Lula raised the matter.",
    "Lula, whose Brazil chairs Mercosur, promised federal money.",
    "With Mercosur leaders in Brazil, Lula praised the project.",
    "Brazilian President Lula mentioned it before Mercosur talks began.",
    "Lula brought it up while welcoming Argentina's Mercosur delegation to Brazil.",
    "Hosting Mercosur in Brazil, Lula told reporters he would visit.",
    "President Lula of Brazil, as Mercosur gathers, called it a priority.",
    "Lula cited it in a Mercosur speech about Brazil's regions.",
    "Brazil's president, Lula, addressed it between Mercosur sessions.",
    "Speaking to Mercosur ministers, Lula said Brazil would help.",
    "Lula, in Brasilia for Mercosur, asked Brazil's governors to act.",
    "Before a Mercosur dinner, Lula defended Brazil's record on it.",
    "Lula told Uruguay's Mercosur envoy that Brazil had learned from it.",
    "At the Mercosur summit's opening, Lula named it as Brazil's example.",
    "Lula posted about it as Paraguay's team reached Brazil for Mercosur.",
]
THEME = [
    _piece(
        f"t{n}",
        f"{topic}: Lula speaks as Mercosur meets",
        f"{details} {LEADS[n]}",
    )
    for n, (topic, details) in enumerate(TOPICS)
]
# One event told by two outlets in their own words: the Itaipu tariff deal.
FOLHA = _piece(
    "folha",
    "Lula and Paraguay's Pena agree Itaipu tariff of 16.71 dollars",
    "Brazilian President Lula and Paraguay's President Santiago Pena agreed on Thursday to "
    "set the Itaipu dam's power tariff at 16.71 dollars per kilowatt until 2027, ending a "
    "dispute over the binational plant on the Parana river, the Mercosur hosts said.",
)
ABC = _piece(
    "abc",
    "Itaipu: Pena and Lula settle the tariff at 16.71 dollars",
    "Paraguay and Brazil settled the Itaipu hydroelectric tariff at 16.71 dollars per "
    "kilowatt through 2027, President Santiago Pena said after meeting Lula, closing a "
    "year-long dispute over the dam on the Parana.",
)


def test_two_pieces_sharing_only_the_theme_of_the_day_are_two_stories() -> None:
    docs = [*THEME, FOLHA, ABC]
    df = DocFrequencies.of(docs)
    a, b = THEME[0], THEME[1]
    va, vb = vector(a, df, P), vector(b, df, P)
    assert theme_cosine(va, vb) > 0  # they do share the theme's words
    assert similarity(a, b, va, vb, P) == 0.0
    stories = cluster(docs, P)
    joined = [s for s in stories if len(s) > 1]
    assert [sorted(d.id for d in s) for s in joined] == [["abc", "folha"]]


def test_a_corpus_too_small_for_a_theme_keeps_versions_of_its_one_event() -> None:
    # The five seeds are all about Kim's trip to Beijing: "kim", "china" and "parade" in
    # four or five of them are the event's words. AP's announcement and the aggregator's
    # account of it share little else, and stay one story.
    docs = list(folder_features(SEEDS).values())
    assert len(docs) < P.theme_min_docs
    df = DocFrequencies.of(docs)
    assert all(not getattr(vector(d, df, P), "common", None) for d in docs)
    found = [{d.path[:3] for d in s} for s in cluster(docs, P)]
    assert {"000", "002"} in found
