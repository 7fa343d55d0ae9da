"""What a document heading says: sender, addressee, type, place and date.

Pure functions over the heading's plain text (no note markers, no XML).

A FRUS heading is, in order, with every part but the title optional:

    [N. | No. N.] Title [, Place] [, Date [, Time]]

and the title is one of

    Type From A to B          (Memorandum From X to Y, Telegram From the Embassy ...)
    Type by A                 (Memorandum by the Under Secretary of State (Phillips))
    Type to B                 (Letter to President Johnson)
    A to B                    (older volumes: The Secretary of State to the Chargé in Italy (Kirk))
    Type                      (Editorial Note, Memorandum of Conversation)

A party (A or B) is marked in `<head>` the way the Office of the Historian marks
it: the personal name where the heading gives one (`(Bundy)` -> Bundy,
`President Kennedy` -> Kennedy, `Robert W. Komer of the ... Staff` -> Robert W.
Komer) as persName, else the office or organisation (`the Department of State`
-> Department of State) as gloss. Authors after `by` are kept for the header but
not marked in `<head>` (FRUS does not mark them). Nothing is guessed: a part
the rules do not recognise is left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# --- result types -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the heading text to mark up in `<head>` (offsets into the text)."""

    start: int
    end: int
    tag: str  # "persName", "gloss" or "orgName"
    role: str  # "from" or "to"


@dataclass(frozen=True, slots=True)
class Party:
    """A sender or addressee as the heading states it."""

    role: str
    """"from" or "to"."""
    text: str
    """The whole party as the heading writes it, without a leading "the"."""
    name: str | None = None
    """A personal name (`Bundy`, `Robert W. Komer`)."""
    office: str | None = None
    """An office or title held (`Secretary of Defense`, `President's Special Assistant ...`)."""
    org: str | None = None
    """An organisation: the party itself (`Department of State`) or the person's (`National Security Council Staff`)."""
    span: Span | None = None
    """What `<head>` marks; None when FRUS would not mark it (authors after `by`)."""


@dataclass(frozen=True, slots=True)
class DateInfo:
    text: str
    """The date as the heading writes it (`November 29, 1971, 5 p.m.`)."""
    when: str | None = None
    """ISO 8601 when the date is one exact day/month (with time where given)."""
    not_before: str | None = None
    not_after: str | None = None
    """A certain range (`December 3 and 4, 1971`)."""
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class HeadingInfo:
    spans: list[Span] = field(default_factory=list)
    number: str | None = None
    """Document number when the heading starts with `N.` or `No. N.`."""
    title: str = ""
    """The heading without its number."""
    doc_type: str | None = None
    """Stable keyword (see DOC_TYPES) when the heading names the type."""
    doc_type_text: str | None = None
    """The type as the heading words it (`Backchannel Message`)."""
    subtype: str | None = None
    """div/@subtype: "editorial-note" or "historical-document"; None for an empty heading."""
    senders: list[Party] = field(default_factory=list)
    addressees: list[Party] = field(default_factory=list)
    place: str | None = None
    date: DateInfo | None = None
    undated: bool = False
    """The heading says `undated`."""


# --- vocabulary -------------------------------------------------------------------

# Document types: (keyword, pattern over the type phrase, matched at its end). First match wins.
DOC_TYPES: list[tuple[str, str]] = [
    ("editorial-note", r"editorial note"),
    ("memorandum-of-conversation", r"memorandum of (?:a )?(?:telephone )?conversation"),
    ("memorandum-for-the-record", r"memorandum for the record"),
    ("minutes", r"minutes(?: of .*)?"),
    ("intelligence-estimate", r".*intelligence estimate(?: no\. .*)?"),
    ("telegram", r"(?:[\w-]+ )*telegram"),
    ("airgram", r"(?:[\w-]+ )*airgram"),
    ("despatch", r"(?:[\w-]+ )*(?:despatch|dispatch)"),
    ("instruction", r"(?:[\w-]+ )*instruction"),
    ("message", r"(?:[\w-]+ )*message"),
    ("letter", r"(?:[\w-]+ )*letter"),
    ("memorandum", r"(?:[\w-]+ )*memorandum(?: no\. .*)?"),
    ("note", r"(?:[\w-]+ )*note"),
    ("notes", r"(?:[\w-]+ )*notes(?: of .*)?"),
    ("paper", r"(?:[\w-]+ )*paper"),
    ("address", r"(?:[\w-]+ )*(?:address|speech|remarks)"),
    ("statement", r"(?:[\w-]+ )*statement"),
    ("report", r"(?:[\w-]+ )*report"),
    ("study", r"(?:[\w-]+ )*study"),
    ("summary", r"(?:[\w-]+ )*summary(?: of .*)?"),
    ("record", r"record of .*"),
    ("transcript", r"transcript(?: of .*)?"),
    ("conversation", r"(?:[\w-]+ )*conversation(?: (?:among|between|with) .*)?"),
    ("aide-memoire", r"aide-m[ée]moire"),
    ("diary", r"(?:[\w-]+ )*diary(?: entry)?"),
    ("talking-points", r"(?:[\w-]+ )*talking points"),
    ("circular", r"(?:[\w-]+ )*circular"),
]
_DOC_TYPES = [(k, re.compile(p + r"$", re.I)) for k, p in DOC_TYPES]
# Single words that name a type wherever they stand in the type phrase.
_TYPE_WORDS = {
    "telegram": "telegram", "airgram": "airgram", "despatch": "despatch", "dispatch": "despatch",
    "memorandum": "memorandum", "letter": "letter", "message": "message", "minutes": "minutes",
    "paper": "paper", "report": "report", "estimate": "intelligence-estimate", "transcript": "transcript",
    "instruction": "instruction", "note": "note", "notes": "notes", "address": "address", "statement": "statement",
}

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
_MONTH_NO = {m: i + 1 for i, m in enumerate(_MONTHS)}

# Words that make a capitalised phrase an organisation rather than a person.
ORG_WORDS = {
    "Department", "Embassy", "Embassies", "Government", "Mission", "Delegation", "Staff", "Chiefs",
    "Council", "Agency", "Office", "Bureau", "Consulate", "Legation", "Command", "Committee", "Board",
    "Group", "Posts", "Post", "Commission", "Service", "Ministry", "Headquarters", "Administration",
    "Division", "Directorate", "Secretariat", "Section", "Force", "Forces", "Army", "Navy", "Corps",
    "Center", "Centre", "Library", "House", "Nations", "States", "Republic", "Kingdom", "Union",
    "Organization", "Team", "Branch", "Cabinet", "Congress", "Senate", "Party", "Consulates",
    "Missions", "Delegations", "Governments", "Planning", "Intelligence", "Institute", "Authority",
}
# Words that make a capitalised phrase an office (a person named by office, no name).
OFFICE_WORDS = {
    "President", "Secretary", "Ambassador", "Minister", "Chargé", "Charge", "Consul", "Director",
    "Chairman", "Assistant", "Adviser", "Advisor", "Representative", "Counselor", "Deputy",
    "Administrator", "Commander", "Chief", "Premier", "Chancellor", "King", "Queen", "Emperor",
    "Governor", "Senator", "Envoy", "Delegate", "Attaché", "Officer", "Agent", "Commissioner",
    "Under", "Acting", "General", "Admiral", "Prime", "Vice", "Shah", "Pope", "Sultan", "Prince",
    "Leader", "Head", "Member", "Members", "Designate", "Coordinator", "Spokesman", "Staff",
}
# Offices that take "to": `Ambassador to Japan`, `Mission to the United Nations`, `Assistant to the President`.
_TO_OFFICES = {
    "Ambassador", "Ambassador-designate", "Mission", "Representative", "Delegation", "Delegate",
    "Assistant", "Adviser", "Advisor", "Envoy", "Minister", "Counselor", "Observer", "Representatives",
    "Missions", "Delegations", "Liaison", "Ambassadors", "Consul", "Commissioner", "Attaché",
}
# Titles before a name: `President Kennedy`, `Secretary of Defense McNamara`, `Soviet General Secretary Brezhnev`.
_TITLE = (
    r"(?:(?:Acting|Deputy|Under|Assistant|Vice|Special|Executive|First|Second|Permanent|Foreign|Prime|"
    r"General|Chief|Lieutenant|Major|Rear|Former|Minister)\s+)*"
    r"(?:President|President-elect|Secretary|Minister|Ambassador|Chairman|Premier|Chancellor|Senator|"
    r"Governor|Admiral|General|King|Queen|Emperor|Shah|Pope|Prince|Princess|Sultan|Emir|Amir|"
    r"Representative|Congressman|Congresswoman|Director|Administrator|Commander|Counselor|Consul|"
    r"Mr\.|Mrs\.|Ms\.|Miss|Dr\.|Sir|Lord|Lady|Colonel|Captain|Judge|Justice|Marshal|Field Marshal|Generalissimo|"
    r"Chargé|Envoy|Archbishop|Cardinal|Bishop|Mayor|Speaker|Leader|Dean)"
    r"(?:\s+(?:General|Minister|Secretary))?"
    r"(?:\s+of\s+(?:the\s+)?(?:State|Defense|Treasury|Commerce|Agriculture|Labor|Interior|Justice|War|Navy|Army|"
    r"Air Force|Transportation|Energy|Health, Education,? and Welfare|Housing and Urban Development|"
    r"State for [A-Z][\w ]+?Affairs))?"
)
# Nationality or similar adjectives before a title: `Soviet`, `British`, `South Vietnamese`.
_TITLE_PREFIX = r"(?:(?:[A-Z][a-z]+(?:an|ese|ish|ic|i|ch|ian|ean|ern)|Soviet|Thai|Greek|Swiss|Dutch|Czech|Iraqi|Israeli|Saudi)\s+){0,2}"
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|de|da|di|du|van|von|der|den|la|le|bin|ibn|al|el|y|dos|das|U)"
_NAME = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}"
_TITLE_NAME = re.compile(rf"{_TITLE_PREFIX}(?P<title>{_TITLE})\s+(?P<name>{_NAME})$")
_PAREN_NAME = re.compile(r"(?P<office>.*?)\s*\((?P<name>[^()]+)\)$", re.S)
_PERSON = re.compile(rf"(?P<name>{_NAME})(?:\s*,?\s+(?:of|in)\s+(?:the\s+)?(?P<org>.+))?$", re.S)

# What a second party after "and the" starts with: `the Mission at Berlin`, `the Secretary of Defense`.
_PARTY_HEAD = re.compile(
    r"(?:[A-Z][\w'’-]+\s+){0,2}(?:Embassy|Embassies|Mission|Missions|Department|Secretary|Consulate|Consulates|Legation|"
    r"Delegation|Ambassador|Minister|President|Director|Chairman|Chiefs|Joint Chiefs|Commander|Office|Agency|Government)\b")

US_STATES = {
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
    "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky",
    "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi",
    "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico",
    "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania",
    "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "D.C.",
}

# --- dates ------------------------------------------------------------------------

_TIME = r"(?:\d{1,2}(?::\d{2})?(?:\s*(?:a\.m\.|p\.m\.))?|noon|midnight)"
_DATE_RE = re.compile(
    rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})"
    rf"(?:\s*(?:–|-|and|to)\s*(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}}))?"
    rf",\s+(?P<y>\d{{4}})"
    rf"(?:,\s+(?P<t1>{_TIME})(?:\s*(?:–|-|to)\s*(?P<t2>{_TIME}))?)?"
    rf"|(?P<mo>{_MONTH})\s+(?P<yo>\d{{4}})"
    r"|(?P<undated>undated|Undated|\[undated\]|no date|\[no date\])"
)


def _clock(t: str, ampm_hint: str | None = None) -> tuple[int, int] | None:
    t = t.strip()
    if t == "noon":
        return 12, 0
    if t == "midnight":
        return None  # the end of the day or its start: not exact
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.)?", t)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    ampm = m.group(3) or ampm_hint
    if ampm is None or not (1 <= h <= 12) or mi > 59:
        return None
    if ampm == "p.m." and h != 12:
        h += 12
    if ampm == "a.m." and h == 12:
        h = 0
    return h, mi


def _valid_day(y: int, mo: int, d: int) -> bool:
    import calendar

    return 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]


def parse_date(text: str) -> DateInfo | None:
    """Parse a whole heading date (`November 29, 1971, 5 p.m.`); None if it is not one."""
    m = _DATE_RE.fullmatch(text.strip())
    if not m:
        return None
    if m.group("undated"):
        return None
    if m.group("mo"):
        return DateInfo(text, when=f"{int(m.group('yo')):04d}-{_MONTH_NO[m.group('mo')]:02d}")
    y = int(m.group("y"))
    m1 = _MONTH_NO[m.group("m1")]
    d1 = int(m.group("d1"))
    if not _valid_day(y, m1, d1):
        return DateInfo(text)
    day1 = f"{y:04d}-{m1:02d}-{d1:02d}"
    if m.group("d2"):
        m2 = _MONTH_NO[m.group("m2")] if m.group("m2") else m1
        d2 = int(m.group("d2"))
        if not _valid_day(y, m2, d2) or (m2, d2) <= (m1, d1) or m.group("t1"):
            return DateInfo(text)  # a range that is not a certain one: text only
        return DateInfo(text, not_before=day1, not_after=f"{y:04d}-{m2:02d}-{d2:02d}")
    if m.group("t1"):
        t2 = m.group("t2")
        hint = None
        if t2:
            hint_m = re.search(r"(a\.m\.|p\.m\.)$", t2)
            hint = hint_m.group(1) if hint_m else None
        c1 = _clock(m.group("t1"), hint)
        if c1 is None:  # the day is certain, the time is not
            return DateInfo(text, when=day1 if not t2 else None, not_before=day1 if t2 else None,
                            not_after=day1 if t2 else None)
        if t2:
            c2 = _clock(t2)
            if c2 is None or c2 <= c1:  # `8 p.m.–midnight`, past midnight: only the start is certain
                return DateInfo(text, not_before=f"{day1}T{c1[0]:02d}:{c1[1]:02d}:00")
            return DateInfo(text, not_before=f"{day1}T{c1[0]:02d}:{c1[1]:02d}:00",
                            not_after=f"{day1}T{c2[0]:02d}:{c2[1]:02d}:00")
        return DateInfo(text, when=f"{day1}T{c1[0]:02d}:{c1[1]:02d}:00")
    return DateInfo(text, when=day1)


# --- the heading ------------------------------------------------------------------

_NUMBER = re.compile(r"(?:No\.\s*)?(?P<n>\d+[A-Z]?)\.\s+")
_PLACE = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|de|la|le|sur|am|upon|on|the|del|do|da|en))*$")


def _split_segments(s: str, base: int) -> list[tuple[int, int]]:
    """Comma-separated segments of s as (start, end) absolute offsets, stripped."""
    out = []
    pos = 0
    for part in s.split(","):
        a = pos + (len(part) - len(part.lstrip()))
        b = pos + len(part.rstrip())
        out.append((base + a, base + b))
        pos += len(part) + 1
    return out


def _is_place(seg: str) -> bool:
    if re.match(r"(?:Aboard|aboard|On board|on board|En route|en route)\s+[A-Z]", seg):
        return len(seg.split()) <= 8
    return bool(_PLACE.fullmatch(seg)) and len(seg.split()) <= 4 and not (set(seg.split()) & (ORG_WORDS | OFFICE_WORDS) - {"House"})


def _tail(text: str, start: int, end: int, info: HeadingInfo) -> int:
    """Find `, Place, Date` (or `, Date`, `, Place, undated`) at the end; return where the title ends."""
    segs = _split_segments(text[start:end], start)
    if len(segs) < 2:
        return end
    # The date: the shortest run of final segments that parses as one.
    for k in (3, 2, 1):
        if len(segs) <= k:
            continue
        a = segs[-k][0]
        cand = text[a:segs[-1][1]].rstrip(".") if not text[a:segs[-1][1]].endswith(("a.m.", "p.m.")) else text[a:segs[-1][1]]
        m = _DATE_RE.fullmatch(cand)
        if not m:
            continue
        title_end = segs[-k - 1][1]
        if m.group("undated"):
            info.undated = True
        else:
            d = parse_date(cand)
            if d is not None:
                info.date = DateInfo(d.text, d.when, d.not_before, d.not_after, a, a + len(cand))
        rest = segs[:-k]
        # The place: the segment before the date, with a US state after a city.
        if len(rest) >= 2 and _is_place(text[rest[-1][0]:rest[-1][1]]):
            p_start, p_end = rest[-1]
            if (len(rest) >= 3 and text[rest[-1][0]:rest[-1][1]] in US_STATES
                    and _is_place(text[rest[-2][0]:rest[-2][1]])):
                p_start = rest[-2][0]
                rest = rest[:-1]
            info.place = text[p_start:p_end]
            title_end = rest[-2][1]
        return title_end
    return end


def _split_to(s: str) -> int | None:
    """Offset of the " to " that separates sender from addressee in s, or None."""
    cands = [m.start() for m in re.finditer(r"\s+to\s+", s)]
    good = []
    for c in cands:
        before = s[:c].split()
        prev = before[-1] if before else ""
        good.append(prev not in _TO_OFFICES)
    for c, ok in zip(cands, good):
        if ok:
            return c
    return cands[-1] if cands else None


def _strip_the(text: str, a: int, b: int) -> tuple[int, int]:
    m = re.match(r"(?:the|The)\s+", text[a:b])
    if m:
        a += m.end()
    while b > a and text[b - 1] in " .,;:" and not re.search(r"(?:\b[A-Z]|[a-z]\.[a-z])\.$", text[a:b]):
        b -= 1
    return a, b


def _has(words: set[str], s: str) -> bool:
    return any(w.strip("(),.'’s") in words or w in words for w in s.split())


def _party(text: str, a: int, b: int, role: str, mark: bool) -> list[Party]:
    """Analyse one party text[a:b]; offsets are absolute in text."""
    a, b = _strip_the(text, a, b)
    if a >= b:
        return []
    s = text[a:b]

    def make(name=None, office=None, org=None, span=None):
        return Party(role, s, name, office, org, span if mark else None)

    # Office (Name): `the President's Special Assistant for National Security Affairs (Bundy)`
    m = _PAREN_NAME.fullmatch(s)
    if m and re.fullmatch(_NAME, m.group("name").strip()) and not _has(ORG_WORDS | OFFICE_WORDS, m.group("name")):
        n_start = a + m.start("name") + (len(m.group("name")) - len(m.group("name").lstrip()))
        name = m.group("name").strip()
        office = m.group("office").strip() or None
        return [make(name=name, office=office, span=Span(n_start, n_start + len(name), "persName", role))]
    # Title Name: `President Kennedy`, `Secretary of Defense McNamara`
    m = _TITLE_NAME.fullmatch(s)
    if m and not _has(ORG_WORDS | OFFICE_WORDS, m.group("name")) and not text[a - 4:a].lower().startswith("the"):
        n_start = a + m.start("name")
        office = s[: m.end("title")].strip()
        if re.fullmatch(r"(?:Mr|Mrs|Ms|Dr)\.|Miss|Sir", office):
            office = None  # an honorific, not an office
        return [make(name=m.group("name"), office=office,
                     span=Span(n_start, a + m.end("name"), "persName", role))]
    # Name [of the Organisation]: `Robert W. Komer of the National Security Council Staff`
    the = bool(re.search(r"(?:^|\s)(?:the|The)\s+$", text[max(0, a - 4):a]))
    m = _PERSON.fullmatch(s)
    if (m and not the and len(m.group("name").split()) >= 2
            and not _has(ORG_WORDS | OFFICE_WORDS, m.group("name"))
            and m.group("name") not in US_STATES):
        n_end = a + m.end("name")
        org = m.group("org").strip() if m.group("org") else None
        return [make(name=m.group("name"), org=org, span=Span(a, n_end, "persName", role))]
    # Several named parties: `President Johnson and Secretary Rusk`
    if " and " in s:
        i = s.rfind(" and ")
        left = _party(text, a, a + i, role, mark)
        right = _party(text, a + i + 5, b, role, mark)
        if left and right and all(p.name for p in left + right):
            return left + right
    m = re.search(r",? and (?:the|The) ", s)
    if m and _PARTY_HEAD.match(s[m.end():]):
        left = _party(text, a, a + m.start(), role, mark)
        right = _party(text, a + m.end() - 4, b, role, mark)
        if left and right:
            return left + right
    # An office or organisation with no name: gloss, as FRUS marks it.
    words = set(re.findall(r"[A-Z][\w'’-]*", s))
    if not words:
        return []
    is_org = bool(words & ORG_WORDS) and not (s.split()[0] in OFFICE_WORDS)
    return [make(office=None if is_org else s, org=s if is_org else None, span=Span(a, b, "gloss", role))]


def analyse_heading(text: str) -> HeadingInfo:
    """Analyse a heading's text; see the module docstring."""
    info = HeadingInfo()
    if not text.strip():
        return info
    start = 0
    m = _NUMBER.match(text)
    if m:
        info.number = m.group("n")
        start = m.end()
    end = len(text.rstrip())
    info.title = text[start:end]
    title_end = _tail(text, start, end, info)
    body = text[start:title_end]
    # The type phrase: the words before From/by/to.
    m = re.search(r"\s+(From|from|by|By|to|To)\s+", body)
    phrase_end = start + (m.start() if m else len(body))
    phrase = text[start:phrase_end].strip()
    prepared = re.search(r"\s+Prepared(?:\s+(?:in|by|for)\b.*)?$", phrase)
    if prepared:  # `Paper Prepared by the Policy Planning Staff`: the type is `Paper`
        phrase = phrase[: prepared.start()]
    kind = None
    for key, rx in _DOC_TYPES:
        if rx.fullmatch(phrase):
            kind = key
            break
    if kind is None:
        # `Research Memorandum RSB-12`, `Memorandum for the President`: the first word that names a type.
        for w in re.findall(r"[A-Za-z-]+", phrase):
            key = _TYPE_WORDS.get(w.lower())
            if key:
                kind = key
                break
    if kind is not None:
        if kind not in ("memorandum-of-conversation", "memorandum-for-the-record"):
            cut = re.search(r" (?:of|among|between|with|for) ", phrase, re.I)
            if cut:  # `Minutes of the 500th Meeting ...` -> Minutes
                phrase = phrase[: cut.start()]
        info.doc_type, info.doc_type_text = kind, phrase
        info.subtype = "editorial-note" if kind == "editorial-note" else "historical-document"
    else:
        info.subtype = "historical-document"
    if m:
        word = m.group(1).lower()
        p_start = start + m.end()
        if kind is not None and word == "from":
            rest = text[p_start:title_end]
            cut = _split_to(rest)
            if cut is None:
                info.senders = _party(text, p_start, title_end, "from", True)
            else:
                to_m = re.match(r"\s+to\s+", rest[cut:])
                info.senders = _party(text, p_start, p_start + cut, "from", True)
                info.addressees = _party(text, p_start + cut + to_m.end(), title_end, "to", True)
        elif kind is not None and word == "by":
            rest = text[p_start:title_end]
            cut = _split_to(rest)
            if cut is None:  # `Memorandum by the Under Secretary of State (Phillips)`: an author, not marked
                info.senders = _party(text, p_start, title_end, "from", False)
            else:  # `Memorandum by the Secretary of State to the President`: a correspondence, marked
                to_m = re.match(r"\s+to\s+", rest[cut:])
                info.senders = _party(text, p_start, p_start + cut, "from", True)
                info.addressees = _party(text, p_start + cut + to_m.end(), title_end, "to", True)
        elif kind is not None and word == "to":
            info.addressees = _party(text, p_start, title_end, "to", True)
        elif kind is None and word == "to":
            # Older volumes: `The Secretary of State to the Chargé in Italy (Kirk)`, `Mr. Seward to Mr. Adams.`
            rest = text[start:title_end]
            cut = _split_to(rest)
            to_m = re.match(r"\s+to\s+", rest[cut:])
            senders = _party(text, start, start + cut, "from", True)
            addressees = _party(text, start + cut + to_m.end(), title_end, "to", True)
            if senders and addressees:
                info.senders, info.addressees = senders, addressees
    info.spans = [p.span for p in info.senders + info.addressees if p.span is not None]
    return info
