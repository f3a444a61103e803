"""Shapes by kind (session 9): an agency's name in its dateline slot in any script, outlets the
table does not know weighed over every shape they print about themselves, bylines under the
story in more languages and shapes, interview credits, and the locale of an all-number date."""

from __future__ import annotations

import pytest

from reader.core.articles import bylines, unknown_outlets
from tests.unit.article_sample import BODY, HEAD, S1, S2, S3, parse

RU = (
    "Президент России провел переговоры с лидером КНДР в Кремле, сообщили журналистам в "
    "пресс-службе. Стороны обсудили вопросы двустороннего сотрудничества."
)
ES = (
    "El ministerio dijo el lunes que las dos partes se reunirán en la ciudad fronteriza el "
    "próximo mes, las primeras conversaciones de este tipo en más de un año."
)
ES2 = (
    "Los funcionarios de ambos lados se negaron a decir si habrá una declaración conjunta, "
    "pero los diplomáticos dijeron que se había circulado un borrador entre las delegaciones."
)
ZH = "中国外交部发言人周三表示，双方将于下月在边境城市举行会谈，这是一年多来的首次此类会谈，筹备工作已经开始。"
ZH2 = "官员们拒绝透露是否会发表联合声明，但外交官说，上周已在代表团之间分发了一份草案。"
IT = (
    "Il ministero ha detto lunedì che le due parti si incontreranno il mese prossimo nella "
    "città di confine, i primi colloqui in più di un anno."
)
HU = (
    "A minisztérium hétfőn közölte, hogy a két fél a jövő hónapban találkozik a határ menti "
    "városban, és az előkészületek már folynak."
)
CS = (
    "Ministerstvo v pondělí uvedlo, že se obě strany příští měsíc setkají v pohraničním "
    "městě, poprvé za více než rok. Úředníci odmítli říci, zda bude následovat prohlášení."
)
TR = (
    "Bakanlık pazartesi günü yaptığı açıklamada, iki tarafın gelecek ay sınır kentinde bir "
    "araya geleceğini bildirdi."
)
PT = (
    "O ministério disse na segunda-feira que os dois lados vão se reunir na cidade "
    "fronteiriça no próximo mês, as primeiras conversas do tipo em mais de um ano."
)
PT2 = (
    "Autoridades dos dois lados se recusaram a dizer se haverá uma declaração conjunta, mas "
    "diplomatas disseram que um rascunho circulou entre as delegações na semana passada."
)


@pytest.mark.parametrize(
    ("first", "rest", "source", "place"),
    [
        (f"СТАМБУЛ, 27 марта. /ТАСС/. {RU}", RU, "TASS", "СТАМБУЛ"),
        (f"УЛАН-БАТОР. 28 августа. ИНТЕРФАКС - {RU}", RU, "Interfax", "УЛАН-БАТОР"),
        (f"Bogotá, 21 jun (EFE).- {ES}", ES2, "EFE", "Bogotá"),
        (f"【财新网】{ZH}", ZH2, "Caixin", None),
        (f"(ANSA) - ROMA, 12 NOV - {IT}", IT, "ANSA", None),
        (f"Budapest, 2026. november 12. (MTI) - {HU}", HU, "MTI", "Budapest"),
        (f"ANKARA (AA) - {TR}", TR, "Anadolu Agency", "ANKARA"),
        (f"Lisboa, 12 nov 2026 (Lusa) - {PT}", PT2, "Lusa", "Lisboa"),
        (f"新华社北京3月5日电 {ZH}", ZH2, "Xinhua", "北京"),
        (f"【北京共同】{ZH}", ZH2, "Kyodo News", "北京"),
        (f"Praha [ČTK] - {CS}", CS, "ČTK", "Praha"),
    ],
    ids=["tass-ru", "interfax-ru", "efe-es", "caixin-zh", "ansa-it", "mti-hu", "aa-tr",
         "lusa-pt", "xinhua-zh", "kyodo-ja", "ctk-cs"],
)  # fmt: skip
def test_a_known_agency_in_its_dateline_slot_in_any_script(
    first: str, rest: str, source: str, place: str | None
) -> None:
    meta = parse(f"Headline over the wire story\n\n{first}\n\n{rest}\n").meta
    assert (meta.source, meta.source_from) == (source, "dateline")
    assert meta.dateline == place


def test_a_name_in_brackets_inside_the_sentence_is_no_dateline() -> None:
    first = f"President Kim Jong Un told state media (KCNA) on Monday that {S1[4:]}"
    meta = parse(f"{HEAD}\n\n{first}\n\n{S2}\n\n{S3}\n").meta
    assert meta.source_from != "dateline"


@pytest.mark.parametrize(
    ("closing", "source"),
    [("EFE jmr/ag", "EFE"), ("AAP fl/lc", "Australian Associated Press")],
)
def test_an_agency_and_its_desks_initials_sign_off_the_story(closing: str, source: str) -> None:
    parsed = parse(f"Colombia y Corea\n\n{ES}\n\n{ES2}\n\n{closing}\n")
    assert (parsed.meta.source, parsed.meta.source_from) == (source, "sign-off")
    assert closing not in "\n".join(parsed.paragraphs)


def test_an_agency_in_capitals_after_the_last_sentence_signs_it() -> None:
    parsed = parse(f"Rozhovory na hranici\n\n{CS}\n\n{CS} ČTK\n")
    assert (parsed.meta.source, parsed.meta.source_from) == ("ČTK", "sign-off")
    assert parsed.paragraphs[-1].endswith("prohlášení.")


@pytest.mark.parametrize(
    ("page", "source", "origin"),
    [
        # a regional public broadcaster, a Czech and a Polish one: the rights line's shapes
        (f"{HEAD}\n\n{BODY}\nVon Jana Huber\n\n© Harbour Rundfunk 2026\n", "Harbour Rundfunk",
         "copyright"),
        (f"{HEAD}\n\n{BODY}\nCopyright © 2026, Přístavní rozhlas\n", "Přístavní rozhlas",
         "copyright"),
        (f"{HEAD}\n\n{BODY}\nRadio Portowe S.A. © 2026\n", "Radio Portowe", "copyright"),
        # a think tank's newsletter names its maker; the newsletter is the product
        (f"Morning Brief\nNovember 12, 2026\n\n{HEAD}\n\n{BODY}\nThe Morning Brief is a "
         "publication of the Harbour Policy Institute.\n", "Harbour Policy Institute",
         "self-description"),
        # an e-paper kiosk's copy: the paper's rights line, not the kiosk
        (f"PressReader\nCatalog | Newspapers | Magazines\n\nHarbour Gazette (Halifax)\n"
         f"12 Nov 2026\nWORLD\n\n{HEAD}\n\nJANE DOE\n\n{BODY}\nPrinted and distributed by "
         "PressReader\nCopyright © 2026 Harbour Gazette (Halifax)\n",
         "Harbour Gazette (Halifax)", "copyright"),
        (f"The Harbour Times ePaper\n\nWORLD NEWS\n\n{HEAD}\n\n{BODY}", "The Harbour Times",
         "masthead"),
        # a section or committee over the menu is no outlet: the office under the statement is
        (f"Trade and Investment\nHome | Committees | Reports | Hearings\n\n{HEAD}\n\n{BODY}\n"
         "Parliament of Freedonia\nwww.parliament.fd\n", "Parliament of Freedonia", "imprint"),
        (f"Trade and Investment\nHome | Committees | Reports\n\n{HEAD}\n\n{BODY}\n"
         "© Commonwealth of Freedonia\nparliament.fd\n", "parliament.fd", "domain"),
        # a government office's own masthead, and a press officer's address
        (f"Freedonian Government\nDepartment of Maritime Affairs\n\n{HEAD}\n\nMedia release\n"
         f"12 November 2026\n\n{BODY}\n", "Department of Maritime Affairs", "masthead"),
        (f"{HEAD}\n\n{BODY}\nMedia enquiries: press@harbourbeat.org\n", "harbourbeat.org",
         "e-mail domain"),
    ],
    ids=["year-after-name", "lower-case-name", "name-before-sign", "newsletter-of-institute",
         "e-paper-kiosk", "own-e-paper", "committee-office", "government-copyright",
         "department-masthead", "press-address"],
)  # fmt: skip
def test_an_outlet_the_table_does_not_know_by_the_best_evidence(
    page: str, source: str, origin: str
) -> None:
    meta = parse(page).meta
    assert (meta.source, meta.source_from) == (source, origin)


def test_a_magazine_named_like_a_section_is_disowned_by_the_pages_domain() -> None:
    page = (
        f"Foreign Affairs\nHome | Committees | Reports | Hearings\n\n{HEAD}\n\n{BODY}\n"
        "Parliament of Freedonia\nwww.parliament.fd\n"
    )
    assert parse(page).meta.source == "Parliament of Freedonia"
    # without a domain of its own, the table's magazine stands
    assert parse(f"Foreign Affairs\n\n{HEAD}\n\n{BODY}").meta.source == "Foreign Affairs"


def test_a_masthead_in_capitals_is_listed_in_title_case() -> None:
    # The source list names outlets as people write them: a masthead set in capitals would
    # shout in the list and sort apart from the same outlet written normally elsewhere.
    page = (
        f"Freedonian Government\nMINISTRY OF MARITIME AFFAIRS\n\n{HEAD}\n\nMedia release\n"
        f"12 November 2026\n\n{BODY}\n"
    )
    assert parse(page).meta.source == "Ministry of Maritime Affairs"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("HÜRRİYET DAILY NEWS", "Hürriyet Daily News"),  # Turkish dotted capital I
        ("THE HARBOUR  BEAT", "The Harbour Beat"),
        ("MFA PRESS OFFICE", "MFA Press Office"),  # a short acronym among capitals stays
        ("Hanwha Ocean  NEWSROOM", "Hanwha Ocean NEWSROOM"),  # mixed case: left as written
        ("NOS", "NOS"),
    ],
)
def test_outlet_names_are_shown_tidy(name: str, shown: str) -> None:
    assert unknown_outlets.display_name(name) == shown


def test_a_forwarders_signature_is_no_masthead() -> None:
    mail = (
        "Worth a read.\n\nTom\nSenior Adviser\nDepartment of Foreign Affairs and Trade\n\n"
        "-----Original Message-----\nFrom: Harbour Beat <news@harbourbeat.org>\n"
        f"Subject: {HEAD}\n\n{HEAD}\n\n{BODY}"
    )
    assert parse(mail).meta.source != "Department of Foreign Affairs and Trade"


@pytest.mark.parametrize(
    ("found", "best"),
    [
        ([("PressReader", "masthead"), ("The Gazette", "copyright")], ("The Gazette", "copyright")),
        ([("Daily Brief", "masthead"), ("Daily Brief", "product"),
          ("Harbour Institute", "self-description")], ("Harbour Institute", "self-description")),
        ([("Commonwealth of Freedonia", "copyright"), ("parliament.fd", "domain")],
         ("parliament.fd", "domain")),
        ([("Harbour Beat", "paper name"), ("Pacific Media", "disclaimer"),
          ("harbourbeat.org", "domain")], ("Harbour Beat", "masthead")),
        ([("World News", "masthead")], None),
    ],
)  # fmt: skip
def test_evidence_is_ranked(found: list[tuple[str, str]], best: tuple[str, str] | None) -> None:
    assert unknown_outlets.rank(found) == best


@pytest.mark.parametrize(
    ("name", "host", "agrees"),
    [
        ("Council on Foreign Relations", "cfr.org", True),
        ("Bayerischer Rundfunk", "br.de", True),
        ("Český rozhlas", "irozhlas.cz", True),
        ("Polskie Radio", "polskieradio24.pl", True),
        ("Harbour Beat", "example.org", False),
    ],
)
def test_a_domain_is_an_outlets_own(name: str, host: str, agrees: bool) -> None:
    assert unknown_outlets.agrees(name, host) is agrees


@pytest.mark.parametrize(
    "closing",
    [
        "Posted by Jane Doe at 10:42",
        "Jane Doe is the paper's Asia correspondent.",
        "Jane Doe is our correspondent in Seoul.",
        "Jane Doe covers trade and China for The Harbour Times.",
        "Jane Doe reports on North Asia for the agency.",
        "Autor: Jane Doe",
        "Auteur : Jane Doe",
        "Por Jane Doe",
        "POR JANE DOE\n\nTemas: política, Corea",
        "Von Jane Doe, ARD-Studio Tokio",
        "di Jane Doe",
        "Door Jane Doe",
    ],
)
def test_the_reporter_under_the_story_in_more_shapes(closing: str) -> None:
    parsed = parse(f"{HEAD}\n\nNovember 12, 2026\n\n{BODY}\n{closing}\n")
    assert parsed.meta.byline == "Jane Doe"
    assert S3 in parsed.paragraphs


@pytest.mark.parametrize(
    ("closing", "names"),
    [("记者 王小明", "王小明"), ("文／李华", "李华"), ("（记者 周雨晴）", "周雨晴"),
     ("记者 王小明 李华", "王小明, 李华")],
)  # fmt: skip
def test_a_chinese_reporter_line_under_the_story(closing: str, names: str) -> None:
    parsed = parse(f"中朝会谈下月举行\n\n2026年11月12日\n\n{ZH}\n\n{ZH2}\n\n{closing}\n")
    assert parsed.meta.byline == names
    assert closing not in "\n".join(parsed.paragraphs)


def test_a_subject_described_by_a_role_at_the_end_is_no_author() -> None:
    story = f"{S1}\n\nJane Doe said the talks would go on.\n\n{S2}\n\n{S3}\n\n"
    closing = "Jane Doe is the ministry's chief correspondent with the delegation."
    assert parse(f"{HEAD}\n\n{story}{closing}\n").meta.byline is None


@pytest.mark.parametrize(
    "credit",
    [
        "Propos recueillis par Jean Dupont",
        "Entretien réalisé par Jean Dupont",
        "Das Gespräch führte Jean Dupont",
        "Entrevista realizada por Jean Dupont",
        "Intervista a cura di Jean Dupont",
        "Interviewed by Jean Dupont",
    ],
)
def test_the_interviewer_of_a_q_and_a_is_a_credit_not_the_headline(credit: str) -> None:
    head = "Kim Jong Un ne cédera pas, selon une chercheuse"
    parsed = parse(f"{head}\n\n{credit}\n\nPublié le 12 novembre 2026\n\n{BODY}")
    assert parsed.meta.title == head
    assert parsed.meta.byline == "Jean Dupont"
    assert credit in (parsed.meta.credits or "")


@pytest.mark.parametrize(
    ("line", "body", "date"),
    [
        ("Publicado el 02/04/2026 10:42", f"{ES}\n\n{ES2}", "2026-04-02"),
        ("Publicado 02/04/2026 - 10h42", f"{PT}\n\n{PT2}", "2026-04-02"),
        ("Publicado: 02/04/2026", f"{PT}\n\n{PT2}", "2026-04-02"),
        ("Gepubliceerd op 02/04/2026", "Het ministerie zei maandag dat de twee partijen "
         "volgende maand in de grensstad bijeenkomen, het eerste overleg van dat soort in meer "
         "dan een jaar. De voorbereidingen zijn al begonnen en een ontwerp is rondgestuurd.",
         "2026-04-02"),
        ("Published 02/04/2026", BODY, "2026-02-04"),
    ],
)  # fmt: skip
def test_an_all_number_date_reads_in_the_texts_locale(line: str, body: str, date: str) -> None:
    assert parse(f"{HEAD}\n\n{line}\n\n{body}\n").meta.date == date


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Gepubliceerd op 12 november 2026", "published"),
        ("Opublikowano: 12.11.2026", "published"),
        ("Publikováno 12. 11. 2026", "published"),
        ("Bijgewerkt 13 november 2026", "updated"),
        ("Zaktualizowano: 13.11.2026", "updated"),
        ("Julkaistu 12.11.2026", "published"),
    ],
)
def test_date_labels_of_more_languages(line: str, label: str) -> None:
    from reader.core.articles import dates

    assert dates.find_dates(line, None)[0].label == label


def test_a_byline_prefix_in_any_language() -> None:
    assert bylines.has_prefix("Autor: Jan Kowalski")
    assert bylines.has_prefix("Posted by Jane Doe at 10:42")
    assert not bylines.has_prefix("Posted in Politics")


# -- second half: the kinds batch 9H showed, each in shapes and languages it did not have ----


@pytest.mark.parametrize(
    ("text", "codec", "script"),
    [
        ("وزير الخارجية الصيني يصل إلى القاهرة في زيارة رسمية تستغرق يومين. " * 6, "cp1256",
         ("\u0600", "\u06ff")),
        ("Ο υπουργός Εξωτερικών της Κίνας έφτασε στην Αθήνα για επίσημη επίσκεψη. " * 6,
         "cp1253", ("\u0370", "\u03ff")),
        ("שר החוץ הסיני הגיע לירושלים לביקור רשמי של יומיים, כך נמסר היום. " * 6, "cp1255",
         ("\u0590", "\u05ff")),
    ],
)  # fmt: skip
def test_an_arabic_greek_or_hebrew_code_page_is_read_in_its_script(
    text: str, codec: str, script: tuple[str, str]
) -> None:
    from reader.core.text import decode

    decoded, _ = decode(text.encode(codec))
    letters = [ch for ch in decoded if ch >= "\x80" and ch.isalpha()]
    assert letters and all(script[0] <= ch <= script[1] for ch in letters)


def test_a_western_file_is_not_read_as_arabic() -> None:
    from reader.core.text import decode

    text = "Le ministre a déclaré lundi que les deux parties se réuniraient à la frontière. " * 5
    assert decode(text.encode("cp1252"))[0] == text


def test_an_arabic_page_date_and_place_byline() -> None:
    head = "وزير الخارجية الصيني في القاهرة: بكين مستعدة لدور أكبر في المنطقة"
    body = (
        "أكد وزير الخارجية الصيني، أمس الأحد، استعداد بلاده للقيام بدور أكبر في حماية أمن "
        "الملاحة، وذلك خلال محادثات أجراها في القاهرة مع نظيره المصري.\n\n"
        "وقالت وزارة الخارجية المصرية، في بيان، إن الجانبين استعرضا العلاقات الثنائية وسبل "
        "تعزيزها في مختلف المجالات.\n"
    )
    page = f"{head}\n\nالقاهرة: أحمد حسن\nنُشر: 10:14-23 نوفمبر 2026 م\n\n{body}\nاقرأ أيضاً\n"
    meta = parse(page).meta
    assert (meta.title, meta.byline, meta.date) == (head, "أحمد حسن", "2026-11-23")


@pytest.mark.parametrize("label", ["인쇄하기", "공유하기", "SNS 보내기", "더보기", "기사 듣기",
                                   "텍스트 음성 변환 서비스 사용하기", "공감", "본문 요약봇"])  # fmt: skip
def test_a_korean_portals_buttons_are_labels(label: str) -> None:
    from reader.core.articles import furniture

    assert furniture.is_furniture(label, prose=False)


@pytest.mark.parametrize("line", ["북한, 동해상으로 탄도미사일 발사", "한중 정상회담 개최",
                                  "이 대통령, 선전서 시진핑과 회담"])  # fmt: skip
def test_a_korean_headline_is_no_button(line: str) -> None:
    from reader.core.articles import furniture

    assert not furniture.is_ui_label(line)


KO_BODY = (
    "아시아태평양경제협력체 정상회의 참석차 중국을 방문 중인 대통령이 13일 선전에서 중국 "
    "국가주석과 정상회담을 하고 북한의 대화 복귀를 위한 중국의 건설적 역할을 당부했다.\n\n"
    "지난해 11월 첫 회담 이후 약 1년 만에 열린 두 번째 정상회담이다. 회담은 예정된 40분을 "
    "넘겨 1시간 10분가량 진행됐다.\n"
)


def test_a_korean_portal_copy_date_line_buttons_and_caption() -> None:
    head = '대통령, 선전서 두 번째 정상회담…"북 대화 복귀에 역할 당부"'
    page = (
        f"정치\n{head}\n입력2026.11.13. 오후 5:42 수정2026.11.13. 오후 9:10 기사원문\n"
        "김민수 기자\n공감\n댓글 12\n본문 요약봇\n인쇄하기\n\n"
        "두 정상이 13일 선전에서 열린 정상회담에 앞서 악수하고 있다. 연합뉴스\n\n" + KO_BODY
    )
    parsed = parse(page)
    assert (parsed.meta.title, parsed.meta.date, parsed.meta.byline) == (
        head,
        "2026-11-13",
        "김민수",
    )
    assert parsed.paragraphs[0].startswith("아시아태평양경제협력체")


def test_a_live_page_with_timed_entries_keeps_its_headline_and_every_entry() -> None:
    entries = "\n\n".join(
        f"{t} – {h}\n{s}"
        for t, h, s in (
            ("10:42am", "Ministers agree a joint text", S1),
            ("9:15am", "Delegations arrive at the venue", S2),
            ("8:03am", "What to expect today", S3),
        )
    )
    page = f"Live: Border talks resume in the harbour city after a long pause\n\nJane Doe\n\n{entries}\n"
    parsed = parse(page)
    assert parsed.meta.title == "Border talks resume in the harbour city after a long pause"
    assert parsed.paragraphs[0].startswith("10:42am – Ministers agree")
    assert any(S3 in p for p in parsed.paragraphs)


@pytest.mark.parametrize(
    "head",
    ["3 Responses to “Border talks to resume”", "Leave a Reply", "Add a Comment",
     "Comentarios (14)", "Para comentar, iniciá sesión.", "12 Kommentare", "Laisser un commentaire"],
)  # fmt: skip
def test_readers_comments_are_no_story_and_date_nothing(head: str) -> None:
    comment = "Rina S.\nNovember 17, 2026 at 9:14 am\nGood piece, but I'd argue otherwise.\nReply"
    parsed = parse(f"{HEAD}\n\nPosted by Jane Doe\n\n{BODY}\n{head}\n{comment}\n")
    assert parsed.paragraphs[-1] == S3
    assert parsed.meta.date is None
    assert parsed.meta.byline == "Jane Doe"


@pytest.mark.parametrize(
    "note",
    ["Correction: An earlier version of this story said the talks began in May.",
     "Corrección: Una versión anterior de este artículo decía otra fecha.",
     "Rectificatif : une version précédente de cet article indiquait une autre date."],
)  # fmt: skip
def test_a_correction_atop_the_story_joins_the_header(note: str) -> None:
    parsed = parse(f"{HEAD}\n\nNovember 12, 2026\n\n{note}\n\n{BODY}")
    assert parsed.paragraphs[0] == S1
    assert note in (parsed.meta.header or "")


@pytest.mark.parametrize(
    "line",
    ["Download PDF", "Télécharger (PDF)", "Pobierz PDF", "Download the app", "Page 3",
     "Seite A4", "Klíčová slova: KLDR, Čína, Rusko", "Từ khóa: Triều Tiên",
     "Palabras clave: Corea, China", "Notícias relacionadas:", "Baca juga: Menlu bertemu"],
)  # fmt: skip
def test_page_furniture_of_round_9(line: str) -> None:
    from reader.core.articles import furniture

    assert furniture.is_furniture(line, prose=False) or line.rstrip(":").lower() in (
        furniture.LIST_HEADS
    )


@pytest.mark.parametrize(
    ("closing", "byline"),
    [
        ("Edição: Renata Quintela", None),
        ("Opracowanie: kg", None),
        ("Rozmawiał: Tomasz Zieliński", "Tomasz Zieliński"),
        ("Penulis Aditya Pratama | Editor Sri Wahyuni", "Aditya Pratama"),
        ("Oleh Aditya Pratama", "Aditya Pratama"),
        ("Best,\nJane Doe", "Jane Doe"),
        ("Cheers, Jane Doe", "Jane Doe"),
        ("Até amanhã,\nJane Doe", "Jane Doe"),
        ("JANE DOE", "Jane Doe"),
    ],
)
def test_credits_and_sign_offs_under_the_story(closing: str, byline: str | None) -> None:
    parsed = parse(f"{HEAD}\n\nNovember 12, 2026\n\n{BODY}\n{closing}\n")
    assert parsed.meta.byline == byline
    assert parsed.paragraphs[-1] == S3


def test_a_reporter_role_after_a_dash_and_a_place_line_under_the_byline() -> None:
    parsed = parse(
        f"{HEAD}\n\nCamila Boaventura - Repórter da Agência Brasil\nPublicado em 24/11/2026\n"
        f"Brasília\n\n{BODY}"
    )
    assert parsed.meta.byline == "Camila Boaventura"
    assert parsed.meta.date == "2026-11-24"
    assert parsed.paragraphs[0] == S1
    assert "Brasília" in (parsed.meta.header or "")


@pytest.mark.parametrize("place", ["Desde Shenzhen, China", "Depuis Pékin", "From Seoul"])
def test_where_the_reporter_filed_from_is_no_second_author(place: str) -> None:
    parsed = parse(f"{HEAD}\n\nPor Martina Ledesma\n{place}\n\n{BODY}")
    assert parsed.meta.byline == "Martina Ledesma"


def test_an_outlets_initials_before_its_byline() -> None:
    parsed = parse(f"{HEAD}\n\nOLJ / Par Rania SAAB, le 21 novembre 2026 à 00h00\n\n{BODY}")
    assert parsed.meta.byline == "Rania Saab"


def test_an_unknown_agency_in_its_dateline_after_the_place_and_day() -> None:
    first = f"Quito, 12 nov (Agencia Andina Sur) {ES}"
    meta = parse(f"Colombia y Corea\n\n{first}\n\n{ES2}\n").meta
    assert (meta.source, meta.source_from) == ("Agencia Andina Sur", "dateline")


def test_the_paper_under_an_e_paper_kiosks_masthead() -> None:
    page = (
        f"PressReader\nCatalog\nFor You\nThe Harbour Times\n20 Nov 2026\nNEWS\n{HEAD}\n\n{BODY}"
        "\nThe Harbour Times\n20 Nov 2026\nPage 3\n© PressReader. All rights reserved.\n"
    )
    parsed = parse(page)
    assert parsed.meta.source == "The Harbour Times"
    assert parsed.paragraphs[-1] == S3


def test_a_share_button_is_no_the_outlets_masthead() -> None:
    page = f"Share this:\nTwitter\nPrint\n\n{HEAD}\n\n{BODY}\n© 2026 Harbour Beat. All rights reserved.\n"
    assert parse(page).meta.source == "Harbour Beat"


@pytest.mark.parametrize("line", ["What Pyongyang Gains", "Why the Talks Failed",
                                  "How Moscow Pays", "Conclusions"])  # fmt: skip
def test_a_cross_head_is_no_name(line: str) -> None:
    assert bylines.bare(line, lambda s: False) is None


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Si Ťin-pching se sešel s Kim Čong-unem v Pekingu.", "Xi Jinping"),
        ("Kim Jo-čong odmítla výzvu.", "Kim Yo Jong"),
        ("I Če-mjong přiletěl do Šen-čenu.", "Lee Jae Myung"),
        ("Kim Jo Dzong skrytykowała Seul.", "Kim Yo Jong"),
        ("وصل وانغ يي إلى الرياض.", "Wang Yi"),
        ("التقى شي جينبينغ بالرئيس.", "Xi Jinping"),
    ],
)
def test_tracked_people_in_czech_polish_and_arabic(text: str, person: str) -> None:
    from reader.core.config import default_entities
    from reader.core.entities import EntityLinker

    found = {m.entity for m in EntityLinker(default_entities()).link("", text)}
    assert person in found


def test_a_name_in_brackets_after_a_year_is_no_unknown_agency() -> None:
    first = f"In 2024 (Kim Jong Un) visited the city, and {S1[4:]}"
    assert parse(f"{HEAD}\n\n{first}\n\n{S2}\n\n{S3}\n").meta.source_from != "dateline"


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        ("ank mal\n\n(c) ČTK 2026. Všechna práva vyhrazena.", None),
        ("Harbour Beat, Level 6, 22 Pier St, Melbourne VIC 3000", None),
        ("Harbour Institute, 31 Bligh Street, Sydney NSW 2000", None),
        ("the end\n\nThe talks go on.", "The talks go on."),
    ],
)
def test_desk_initials_over_the_rights_line_and_a_four_digit_postcode(
    closing: str, kept: str | None
) -> None:
    parsed = parse(f"{HEAD}\n\n{BODY}\n{closing}\n")
    assert parsed.paragraphs[-1] == (kept or S3)
