"""Heading analysis: what FRUS marks as sender/addressee, type, place and date."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from converter.api import convert_file, _heading_text
from converter.heading import analyse_heading, parse_date
from tests.conftest import corpus_texts


def marked(text: str) -> list[tuple[str, str, str]]:
    info = analyse_heading(text)
    return [(s.role, s.tag, text[s.start:s.end]) for s in info.spans]


# (heading, [(role, tag, text)]) as the Office of the Historian marks them.
CASES = [
    ("255. Memorandum From Robert W. Komer of the National Security Council Staff to President Kennedy",
     [("from", "persName", "Robert W. Komer"), ("to", "persName", "Kennedy")]),
    ("250. Memorandum From Robert W. Komer of the National Security Council Staff to the President's Special "
     "Assistant for National Security Affairs (Bundy)",
     [("from", "persName", "Robert W. Komer"), ("to", "persName", "Bundy")]),
    ("193. Telegram From the Department of State to the Embassy in Japan",
     [("from", "gloss", "Department of State"), ("to", "gloss", "Embassy in Japan")]),
    ("254. Memorandum From the Joint Chiefs of Staff to Secretary of Defense McNamara",
     [("from", "gloss", "Joint Chiefs of Staff"), ("to", "persName", "McNamara")]),
    ("258. Letter From Secretary of Defense McNamara to the Administrator of the Agency for International "
     "Development (Hamilton)", [("from", "persName", "McNamara"), ("to", "persName", "Hamilton")]),
    ("348. Letter From the Ambassador to Japan (Reischauer) to the President's Special Assistant for National "
     "Security Affairs (Bundy)", [("from", "persName", "Reischauer"), ("to", "persName", "Bundy")]),
    ("69. Message From the United States Government to the Government of the People's Republic of China, "
     "Washington, November 29, 1971",
     [("from", "gloss", "United States Government"), ("to", "gloss", "Government of the People's Republic of China")]),
    ("72. Message From Nancy Oullette to the President's Deputy Assistant for National Security Affairs (Haig), "
     "Paris, December 10, 1971", [("from", "persName", "Nancy Oullette"), ("to", "persName", "Haig")]),
    ("The Acting Secretary of State to the Ambassador in Brazil (Gibson)",
     [("from", "gloss", "Acting Secretary of State"), ("to", "persName", "Gibson")]),
    ("The Minister Resident in Ethiopia (Engert) to the Secretary of State",
     [("from", "persName", "Engert"), ("to", "gloss", "Secretary of State")]),
    # not in the corpus: the same rules on other volumes' headings
    ("12. Letter From President Nixon to Soviet General Secretary Brezhnev, San Clemente, California, July 1, 1972",
     [("from", "persName", "Nixon"), ("to", "persName", "Brezhnev")]),
    ("5. Telegram From the Mission to the United Nations to the Department of State, New York, May 3, 1962, 7 p.m.",
     [("from", "gloss", "Mission to the United Nations"), ("to", "gloss", "Department of State")]),
    ("14. Memorandum From the Special Assistant to the President (Rostow) to President Johnson",
     [("from", "persName", "Rostow"), ("to", "persName", "Johnson")]),
    ("11. Letter From British Prime Minister Wilson to President Johnson, London, February 1965",
     [("from", "persName", "Wilson"), ("to", "persName", "Johnson")]),
    ("3. Circular Telegram From the Department of State to All Diplomatic Posts",
     [("from", "gloss", "Department of State"), ("to", "gloss", "All Diplomatic Posts")]),
    ("No. 114. Mr. Seward to Mr. Adams.", [("from", "persName", "Seward"), ("to", "persName", "Adams")]),
    ("40. Letter From Chairman Mao Tse-tung to President Nixon",
     [("from", "persName", "Mao Tse-tung"), ("to", "persName", "Nixon")]),
    # nothing marked
    ("251. Editorial Note", []),
    ("198. Memorandum of Conversation", []),
    ("259. Memorandum for the Record", []),
    ("253. Special National Intelligence Estimate", []),
    ("Memorandum by the Chief of the Division of Near Eastern Affairs (Murray)", []),
    ("8. Paper Prepared by the Policy Planning Staff, Washington, undated", []),
    # more patterns of other volumes
    ("3. Memorandum by the Secretary of State to President Truman",
     [("from", "gloss", "Secretary of State"), ("to", "persName", "Truman")]),
    ("4. Telegram From the Department of State to the Embassy in Germany and the Mission at Berlin",
     [("from", "gloss", "Department of State"), ("to", "gloss", "Embassy in Germany"), ("to", "gloss", "Mission at Berlin")]),
    ("5. Circular Telegram From the Department of State to the Embassies in France, Germany, and the United Kingdom",
     [("from", "gloss", "Department of State"), ("to", "gloss", "Embassies in France, Germany, and the United Kingdom")]),
    ("6. Memorandum From the President's Assistant for National Security Affairs (Kissinger) to President Nixon, "
     "Aboard Air Force One, February 21, 1972", [("from", "persName", "Kissinger"), ("to", "persName", "Nixon")]),
    ("7. Telegram From the Commander in Chief, Pacific (Felt) to the Joint Chiefs of Staff, Honolulu, May 3, 1962, 2 p.m.",
     [("from", "persName", "Felt"), ("to", "gloss", "Joint Chiefs of Staff")]),
    ("9. President Roosevelt to Prime Minister Churchill", [("from", "persName", "Roosevelt"), ("to", "persName", "Churchill")]),
    ("10. Letter From the Soviet Ambassador (Dobrynin) to Secretary of State Rusk",
     [("from", "persName", "Dobrynin"), ("to", "persName", "Rusk")]),
    ("11. Telegram From the Delegation to the Foreign Ministers Meeting to the Department of State, Geneva, May 3, 1959",
     [("from", "gloss", "Delegation to the Foreign Ministers Meeting"), ("to", "gloss", "Department of State")]),
    ("1. Conversation Among President Nixon, Secretary of State Rogers, and Kissinger, Washington, June 2, 1971", []),
]


@pytest.mark.parametrize("heading,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_marked_parties(heading, expected):
    assert marked(heading) == expected


@pytest.mark.parametrize("heading,kind,subtype", [
    ("251. Editorial Note", "editorial-note", "editorial-note"),
    ("198. Memorandum of Conversation", "memorandum-of-conversation", "historical-document"),
    ("70. Memorandum for the Record, Paris, November 29, 1971, 5 p.m.", "memorandum-for-the-record", "historical-document"),
    ("193. Telegram From the Department of State to the Embassy in Japan", "telegram", "historical-document"),
    ("75. Backchannel Message From A (Haig) to B (Kissinger), Beijing, January 4, 1972", "message", "historical-document"),
    ("258. Letter From Secretary of Defense McNamara to the Administrator (Hamilton)", "letter", "historical-document"),
    ("9. Minutes of the 500th Meeting of the National Security Council", "minutes", "historical-document"),
    ("8. Paper Prepared by the Policy Planning Staff", "paper", "historical-document"),
    ("4. Note From the Soviet Government to the Government of the United States", "note", "historical-document"),
    ("2. Address by President Kennedy", "address", "historical-document"),
    ("256. National Security Action Memorandum No. 151", "memorandum", "historical-document"),
    ("253. Special National Intelligence Estimate", "intelligence-estimate", "historical-document"),
    ("1. Conversation Among President Nixon and Kissinger, Washington, June 2, 1971", "conversation", "historical-document"),
    ("2. Research Memorandum RSB-12 From the Director (Hilsman) to Secretary of State Rusk", "memorandum", "historical-document"),
    ("8. Memorandum for the President From the Secretary of State", "memorandum", "historical-document"),
    ("The Secretary of State to the Chargé in Italy (Kirk)", None, "historical-document"),
])
def test_doc_type(heading, kind, subtype):
    info = analyse_heading(heading)
    assert (info.doc_type, info.subtype) == (kind, subtype)


def test_by_author_kept_but_not_marked():
    info = analyse_heading("Memorandum by the Under Secretary of State (Phillips)")
    assert info.spans == []
    assert [(p.role, p.name, p.office) for p in info.senders] == [("from", "Phillips", "Under Secretary of State")]


def test_offices_kept_apart_from_names():
    info = analyse_heading("342. Memorandum From Robert W. Komer of the National Security Council Staff to the "
                           "President's Special Assistant for National Security Affairs (Bundy)")
    (s,), (a,) = info.senders, info.addressees
    assert (s.name, s.office, s.org) == ("Robert W. Komer", None, "National Security Council Staff")
    assert (a.name, a.office, a.org) == ("Bundy", "President's Special Assistant for National Security Affairs", None)
    info = analyse_heading("260. Memorandum From Secretary of State Rusk to President Kennedy")
    assert [(p.name, p.office) for p in info.senders + info.addressees] == [("Rusk", "Secretary of State"), ("Kennedy", "President")]


@pytest.mark.parametrize("heading,place,text,when,nb,na,undated", [
    ("70. Memorandum for the Record, Paris, November 29, 1971, 5 p.m.", "Paris", "November 29, 1971, 5 p.m.",
     "1971-11-29T17:00:00", None, None, False),
    ("74. Memorandum for the Record, Paris, December 18, 1971, 11 a.m.", "Paris", "December 18, 1971, 11 a.m.",
     "1971-12-18T11:00:00", None, None, False),
    ("71. Memorandum for the Record, New York, December 3 and 4, 1971", "New York", "December 3 and 4, 1971",
     None, "1971-12-03", "1971-12-04", False),
    ("76. Backchannel Message From A (Haig) to B (Kissinger), Beijing, undated", "Beijing", None, None, None, None, True),
    ("12. Letter From President Nixon to Brezhnev, San Clemente, California, July 1, 1972", "San Clemente, California",
     "July 1, 1972", "1972-07-01", None, None, False),
    ("9. Minutes of a Meeting, Washington, January 3, 1962, 12:15 p.m.", "Washington", "January 3, 1962, 12:15 p.m.",
     "1962-01-03T12:15:00", None, None, False),
    ("9. Minutes of a Meeting, Washington, January 3, 1962, 10–11:15 a.m.", "Washington", "January 3, 1962, 10–11:15 a.m.",
     None, "1962-01-03T10:00:00", "1962-01-03T11:15:00", False),
    ("9. Minutes of a Meeting, Camp David, November 30–December 2, 1962", "Camp David", "November 30–December 2, 1962",
     None, "1962-11-30", "1962-12-02", False),
    ("11. Letter From A (B) to C (D), London, February 1965", "London", "February 1965", "1965-02", None, None, False),
    ("9. Telegram From the Embassy in Korea to the Department of State, Seoul, June 31, 1964", "Seoul",
     "June 31, 1964", None, None, None, False),  # no such day: kept as text, no value
    ("193. Telegram From the Department of State to the Embassy in Japan", None, None, None, None, None, False),
])
def test_place_and_date(heading, place, text, when, nb, na, undated):
    info = analyse_heading(heading)
    assert info.place == place
    assert info.undated == undated
    if text is None:
        assert info.date is None
    else:
        d = info.date
        assert (d.text, d.when, d.not_before, d.not_after) == (text, when, nb, na)
        assert heading[d.start:d.end] == text


def test_parse_date_never_invents():
    assert parse_date("undated") is None
    assert parse_date("sometime in 1971") is None
    assert parse_date("November 29, 1971, 5").when == "1971-11-29"  # a time without a.m./p.m.: the day only
    assert parse_date("May 3, 1959, midnight").when == "1959-05-03"  # start or end of the day: the day only
    assert parse_date("May 3, 1959, 8 p.m.–midnight").not_before == "1959-05-03T20:00:00"
    assert parse_date("December 4 and 3, 1971").not_before is None  # not a certain range


# --- the corpus: F1 against the reference marks ------------------------------------------------

def _gold_marks(xml_path) -> Counter:
    root = etree.parse(str(xml_path), etree.XMLParser(recover=True)).getroot()
    head = root.find(".//head") if root.tag != "head" else root
    out: Counter = Counter()
    for e in head.iter():
        if isinstance(e.tag, str) and e.get("type") in ("from", "to") and e.tag != "note":
            out[(e.get("type"), re.sub(r"\s+", "", "".join(e.itertext())).replace("’", "'"))] += 1
    return out


def test_corpus_fromto_f1():
    hit = gold_n = pred_n = 0
    for path in corpus_texts():
        gold = _gold_marks(path.with_suffix(".xml"))
        if not gold:
            continue
        text = _heading_text(convert_file(path).document)
        pred = Counter((s.role, re.sub(r"\s+", "", text[s.start:s.end]).replace("’", "'"))
                       for s in analyse_heading(text).spans)
        hit += sum((gold & pred).values())
        gold_n += sum(gold.values())
        pred_n += sum(pred.values())
    recall, precision = hit / gold_n, hit / pred_n
    f1 = 2 * recall * precision / (recall + precision)
    assert f1 >= 0.95, (recall, precision)


# --- properties ------------------------------------------------------------------------------

_words = st.sampled_from(["Memorandum", "From", "to", "the", "Secretary", "of", "State", "(Rusk)", "President",
                          "Kennedy", "Embassy", "in", "Japan", "Paris,", "November", "29,", "1971,", "5 p.m.",
                          "by", "and", "Telegram", "Mr.", "undated", ",", "Letter", "No.", "12.", "(", ")"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_words, max_size=18).map(" ".join) | st.text(max_size=80))
def test_any_heading_analyses_safely(text):
    info = analyse_heading(text)
    last = 0
    for s in sorted(info.spans, key=lambda s: s.start):
        assert last <= s.start < s.end <= len(text)  # inside the text, not overlapping
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        last = s.end
    if info.date is not None:
        for v in (info.date.when, info.date.not_before, info.date.not_after):
            if v:
                dt.datetime.fromisoformat(v if len(v) > 7 else v + "-01")
        assert info.date.text in text
    if info.place is not None:
        assert info.place in text
