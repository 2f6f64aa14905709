"""Figures in running text, read with spaCy: budget quantities with their labels, itemisations,
percentage claims and counts.

A blank "zh" pipeline segments with jieba (the default character segmenter would
split 512.02 into six tokens); the figures themselves are found by
`models.numbers` and set as entities (MONEY, PERCENT, COUNT), and a `Matcher`
ties each figure to the label word right before it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

import jieba
import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from models.facts import CountClaim, Itemisation, Mention, Part, PercentClaim
from models.numbers import Quantity, find_quantities, to_yuan
from models.report import Evidence
from pipeline.extract.vocabulary import (
    ADJUSTMENT_WORDS,
    BUDGET_TEXT_LABELS,
    ITEMISATION_TRIGGERS,
    SHARE_WHOLES,
    SUM_WORDS,
    TEXT_LABEL_LINKS,
    WHOLE_WORDS,
)

ENTITY_OF_KIND = {"money": "MONEY", "percent": "PERCENT", "count": "COUNT"}
COUNT_UNITS = frozenset((
    "个", "人", "人次", "名", "家", "户", "项", "件", "次", "类", "张", "所", "台",
    "套", "份", "篇", "例", "批", "处", "座", "辆", "条", "场", "期", "种", "部",
))  # fmt: skip
# Function words that end the noun a count is of (23个市县均已设立 → 市县).
COUNT_STOP_WORDS = frozenset(
    ["的", "和", "及", "与", "中", "共", "等", "均", "已", "都", "将", "已经", "全部", "正式", "为", "是"]
)
_SENTENCE_END = re.compile(r"[。！？!?]")
# An ASCII comma between digits groups thousands (2,617,927.00元); it ends nothing.
_NAME_START = re.compile(r"[，；;。:：\n①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|,(?!\d)")
_NAME_STRIP = re.compile(r"^[\s、，,；;：:。.\-—)）]+|[\s、，,；;：:为是共计约]+$")
_CLAUSE_END = re.compile(r"[，；;。！？!?]|,(?!\d)")
_NAMED_WHOLE = re.compile(r"占(?P<words>[\u4e00-\u9fff]{2,6}?)的?(?:比[重例])?[为是]?$")
_SHARE_WORDS = ("占比", "占", "比重为", "比例为", "占比为")
_CHANGE_WORDS = {"增加": 1, "增长": 1, "提高": 1, "上升": 1, "减少": -1, "下降": -1, "降低": -1}
_LABELS_LONGEST_FIRST = sorted(BUDGET_TEXT_LABELS, key=len, reverse=True)
_LABEL_TOKEN = re.compile("(?:" + "|".join(map(re.escape, _LABELS_LONGEST_FIRST)) + ")$")


@dataclass(frozen=True)
class Figure:
    quantity: Quantity
    entity: str
    value: Decimal
    """Yuan for money, percent value for percentages, the count for counts."""
    resolution: Decimal


if not Span.has_extension("figure"):
    Span.set_extension("figure", default=None)


def _read_figure(quantity: Quantity) -> Figure | None:
    label = ENTITY_OF_KIND.get(quantity.kind)
    if label is None:
        return None
    if label == "MONEY":
        per_unit = to_yuan(replace(quantity, value=Decimal(1)))
        return Figure(quantity, label, to_yuan(quantity), quantity.resolution * per_unit)
    return Figure(quantity, label, quantity.value, quantity.resolution)


_ENTITIES = "perfaudit.entities"
_TEXT = "perfaudit.text"


@Language.component("perfaudit_figures")
def _figures_component(doc: Doc) -> Doc:
    """Money, percentages and counts as entities, each carrying the figure numbers.py read."""
    spans: list[Span] = []
    for quantity in find_quantities(doc.text):
        read = _read_figure(quantity)
        if read is None:
            continue
        span = doc.char_span(quantity.start, quantity.end, label=read.entity, alignment_mode="expand")
        if span is None or (spans and span.start < spans[-1].end):
            continue
        span._.figure = read
        spans.append(span)
    doc.ents = spans
    doc.user_data[_ENTITIES] = tuple(doc.ents)
    return doc


def entities(doc: Doc) -> tuple[Span, ...]:
    """The figure entities of a doc; `Doc.ents` rebuilds them on every access, this does not."""
    cached: tuple[Span, ...] | None = doc.user_data.get(_ENTITIES)
    return cached if cached is not None else tuple(doc.ents)


def text_of(doc: Doc) -> str:
    """The doc's text; `Doc.text` joins its tokens again on every access, this does not."""
    cached: str | None = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


_lock = threading.Lock()
_nlp: Language | None = None
_matcher: Matcher | None = None


def nlp() -> Language:
    """The pipeline, built once per process (jieba's dictionary loads in about a second)."""
    global _nlp, _matcher
    with _lock:
        if _nlp is None:
            jieba.setLogLevel(60)
            for word in (*BUDGET_TEXT_LABELS, *ITEMISATION_TRIGGERS, *_SHARE_WORDS):
                jieba.add_word(word, freq=200_000)
            pipeline = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
            pipeline.add_pipe("perfaudit_figures")
            matcher = Matcher(pipeline.vocab)
            matcher.add(
                "LABELLED_FIGURE",
                [[
                    {"TEXT": {"REGEX": _LABEL_TOKEN.pattern}},
                    {"ORTH": {"IN": list(TEXT_LABEL_LINKS)}, "OP": "*"},
                    {"ENT_TYPE": {"IN": ["MONEY", "PERCENT"]}, "ENT_IOB": "B"},
                ]],
            )  # fmt: skip
            _nlp, _matcher = pipeline, matcher
    return _nlp


def _labelled_matcher() -> Matcher:
    nlp()
    assert _matcher is not None
    return _matcher


EvidenceAt = Callable[[str, Decimal | None], Evidence]
"""Evidence for a fragment of the text being read (the caller knows the paragraph or cell)."""


def figure(span: Span) -> Figure | None:
    """The figure an entity stands for, as read when the entity was set."""
    found: Figure | None = span._.figure
    return found


def _labelled_figures(doc: Doc, evidence_at: EvidenceAt, skip: set[int]) -> list[tuple[Mention, int]]:
    """Each budget figure with the offset where its label starts."""
    found: list[tuple[Mention, int]] = []
    seen: set[int] = set()
    by_start = {e.start: e for e in entities(doc)}
    for _, start, end in _labelled_matcher()(doc):
        label_token = doc[start]
        read = figure(by_start[end - 1])
        if read is None or read.quantity.start in skip or read.quantity.start in seen:
            continue
        label = next(k for k in _LABELS_LONGEST_FIRST if label_token.text.endswith(k))
        quantity = BUDGET_TEXT_LABELS[label]
        if (quantity == "execution_rate") != (read.entity == "PERCENT"):
            continue
        seen.add(read.quantity.start)
        label_start = label_token.idx + len(label_token.text) - len(label)
        fragment = text_of(doc)[label_start : read.quantity.end]
        mention = Mention(
            quantity=quantity, value=read.value, label=label, origin="text",
            unit=read.quantity.unit, evidence=evidence_at(fragment, read.resolution),
        )  # fmt: skip
        found.append((mention, label_start))
    return found


def budget_mentions(doc: Doc, evidence_at: EvidenceAt, skip: set[int]) -> list[Mention]:
    """Budget figures with their label right before them (共支出512.02万元, 预算执行率为91.76%).

    `skip` holds start offsets of figures that are parts of an itemisation (其他商品和服务支出56.61万元).
    """
    return [mention for mention, _ in _labelled_figures(doc, evidence_at, skip)]


def _adds_up(parts: list[tuple[int, Mention, int]], total: Mention) -> bool:
    rounding = sum(((m.evidence.resolution or Decimal(0)) / 2 for _, m, _ in parts), Decimal(0))
    return abs(sum((m.value for _, m, _ in parts), Decimal(0)) - total.value) <= max(rounding, Decimal(1))


def budget_figures(doc: Doc, evidence_at: EvidenceAt, skip: set[int]) -> tuple[list[Mention], list[Itemisation]]:
    """Budget mentions, except printings that a later 合计 printing adds up: those are its parts.

    一批项目批复总投资3374.3万元，二批…2069.51万元，三批…778.59万元，合计批复总投资6222.4万元 prints one
    total and three parts, not four values of one quantity.
    """
    found = _labelled_figures(doc, evidence_at, skip)
    text = text_of(doc)
    itemisations: list[Itemisation] = []
    taken: set[int] = set()
    for index, (total, label_start) in enumerate(found):
        before = text[max(0, label_start - 4) : label_start].rstrip()
        word = next((w for w in SUM_WORDS if before.endswith(w)), None)
        if word is None or total.quantity == "execution_rate":
            continue
        earlier = [
            (number, m, start) for number, (m, start) in enumerate(found[:index])
            if number not in taken and m.quantity == total.quantity
        ]  # fmt: skip
        parts = next((earlier[-k:] for k in range(len(earlier), 1, -1) if _adds_up(earlier[-k:], total)), None)
        if parts is None:
            continue
        taken.update(number for number, _, _ in parts)
        clause_starts = [m.end() for m in _CLAUSE_END.finditer(text)]
        itemisations.append(Itemisation(
            label=word + total.label, whole=total.value,
            whole_evidence=total.evidence.model_copy(
                update={"text": text[text.rfind(word, 0, label_start) : label_start] + total.evidence.text}
            ),
            parts=[
                Part(
                    name=text[max([0, *(c for c in clause_starts if c <= start)]) : start].strip() + m.label,
                    value=m.value, evidence=m.evidence,
                )
                for _, m, start in parts
            ],
        ))  # fmt: skip
    mentions = [m for number, (m, _) in enumerate(found) if number not in taken]
    return mentions, itemisations


def sentences(doc: Doc) -> Iterator[tuple[int, int]]:
    """Character ranges of the sentences of a paragraph."""
    start = 0
    for match in _SENTENCE_END.finditer(text_of(doc)):
        yield start, match.end()
        start = match.end()
    if start < len(text_of(doc)):
        yield start, len(text_of(doc))


def _figures_in(ents: tuple[Span, ...], start: int, end: int, entity: str | None = None) -> list[tuple[Span, Figure]]:
    found = []
    for span in ents:
        if span.start_char >= start and span.end_char <= end and (entity is None or span.label_ == entity):
            read = figure(span)
            if read is not None:
                found.append((span, read))
    return found


def _bracket_depths(text: str, start: int, end: int) -> list[int]:
    """Bracket nesting depth at each character of text[start:end] (an opening bracket counts as inside)."""
    depths: list[int] = []
    level = 0
    for char in text[start:end]:
        if char in "(（[【":
            level += 1
        depths.append(level)
        if char in ")）]】" and level:
            level -= 1
    return depths


def _itemise(
    doc: Doc, sentence: tuple[int, int], trigger: tuple[int, str], entity: str, evidence_at: EvidenceAt
) -> tuple[Itemisation, list[Figure]] | None:
    """The whole before the trigger and the named parts after it, all money or all counts of one unit."""
    start, end = sentence
    trigger_at, word = trigger
    depth = _bracket_depths(text_of(doc), start, end)
    level = depth[trigger_at - start]
    if level:  # "(其中建筑工程3292万元)": the list ends with its bracket
        end = next((start + i for i in range(trigger_at - start, end - start) if depth[i] < level), end)
    before = _figures_in(entities(doc), start, trigger_at, entity)
    after = _figures_in(entities(doc), trigger_at + len(word), end, entity)
    if not before or len(after) < 2:
        return None
    whole_span, whole = before[-1]
    if entity == "COUNT" and any(part.quantity.unit != whole.quantity.unit for _, part in after):
        return None  # 300人次，其中线上5次: counts of different things
    label_start = max(
        (m.end() for m in _NAME_START.finditer(text_of(doc), start, whole_span.start_char)), default=start
    )
    parts: list[Part] = []
    taken: list[Figure] = []
    boundary = trigger_at + len(word)
    for span, part in after:
        inside = depth[span.start_char - start]
        if inside != level:  # a part's own breakdown in brackets is not a part; the next name starts after it
            close = next((i for i in range(span.end_char - start, end - start) if depth[i] < inside), None)
            boundary = start + close + 1 if close is not None else span.end_char
            continue
        name_from = max([boundary, *(m.end() for m in _NAME_START.finditer(text_of(doc), boundary, span.start_char))])
        raw_name = text_of(doc)[name_from : span.start_char]
        if any(whole_word in raw_name for whole_word in WHOLE_WORDS):
            break  # 合计/总投资: the list has ended and a new whole begins
        fragment = text_of(doc)[name_from : span.end_char].lstrip("、，,；;：: ")
        name = _NAME_STRIP.sub("", raw_name)
        parts.append(Part(name=name, value=part.value, evidence=evidence_at(fragment, part.resolution)))
        taken.append(part)
        boundary = span.end_char
    if len(parts) < 2:
        return None
    itemisation = Itemisation(
        label=_NAME_STRIP.sub("", text_of(doc)[label_start : whole_span.start_char]) or whole_span.text,
        whole=whole.value,
        whole_evidence=evidence_at(text_of(doc)[label_start : whole_span.end_char].strip(), whole.resolution),
        parts=parts,
        unit="yuan" if entity == "MONEY" else "count",
    )
    return itemisation, taken


def itemisations(doc: Doc, evidence_at: EvidenceAt) -> tuple[list[Itemisation], set[int]]:
    """ "共支出512.02万元，具体情况为：A25.39万元、B9.96万元…" → the whole and its named parts (money, or
    counts of one unit: 共36个单位，其中省直单位20个、市县单位16个).

    Also returns where each part's figure starts, so that a part is not read as a budget figure.
    """
    found: list[Itemisation] = []
    part_starts: set[int] = set()
    for sentence in sentences(doc):
        text = text_of(doc)[sentence[0] : sentence[1]]
        first = min(((text.find(word), word) for word in ITEMISATION_TRIGGERS if word in text), default=None)
        if first is None:
            continue
        trigger = (sentence[0] + first[0], first[1])
        read = _itemise(doc, sentence, trigger, "MONEY", evidence_at) or _itemise(
            doc, sentence, trigger, "COUNT", evidence_at
        )
        if read is not None:
            found.append(read[0])
            part_starts.update(part.quantity.start for part in read[1])
    return found, part_starts


def _same_unit(a: Figure, b: Figure) -> bool:
    return a.entity == b.entity and (a.entity == "MONEY" or a.quantity.unit == b.quantity.unit)


def percent_claims(doc: Doc, evidence_at: EvidenceAt) -> list[PercentClaim]:
    """Shares (…中1648个…，占比80%) and changes (增加189.25万元，增加31.39%) with the figures they rest on.

    A change is stated as part = the difference (negative for a decrease), whole = the current value, so
    that stated ≈ part ÷ (whole − part) × 100.
    """
    claims: list[PercentClaim] = []
    ents = [e for e in entities(doc) if figure(e) is not None]
    for index, span in enumerate(ents):
        if span.label_ != "PERCENT":
            continue
        stated = figure(span)
        assert stated is not None
        preceding = doc[max(0, span.start - 2) : span.start].text
        earlier = [(e, f) for e in ents[:index] if (f := figure(e)) is not None and f.entity != "PERCENT"]
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text_of(doc), 0, span.start_char)), default=0)
        if any(preceding.endswith(w) or preceding.endswith(w + "为") for w in _SHARE_WORDS):
            in_sentence = [(e, f) for e, f in earlier if e.start_char >= sentence_start]
            if not in_sentence:
                continue
            part_span, part = in_sentence[-1]
            wholes = [(e, f) for e, f in in_sentence[:-1] if _same_unit(f, part) and f.value >= part.value]
            if not wholes:
                continue
            whole_span, whole = wholes[-1]
            kind = "share"
            part_value, whole_value = part.value, whole.value
        else:
            if not earlier:
                continue
            part_span, part = earlier[-1]
            direction = next(
                (
                    sign
                    for word, sign in _CHANGE_WORDS.items()
                    if text_of(doc)[: part_span.start_char].rstrip("了 ").endswith(word)
                ),
                None,
            )
            between = text_of(doc)[part_span.end_char : span.start_char]
            if direction is None or len(between) > 8 or _SENTENCE_END.search(between):
                continue
            change_word_at = part_span.start_char - 2
            wholes = [(e, f) for e, f in earlier[:-1] if _same_unit(f, part) and e.end_char <= change_word_at]
            if not wholes:
                continue
            whole_span, whole = wholes[-1]
            kind = "change"
            part_value, whole_value = part.value * direction, whole.value
            stated = Figure(stated.quantity, stated.entity, stated.value * direction, stated.resolution)
        claims.append(PercentClaim(
            kind=kind, stated=stated.value,
            stated_evidence=evidence_at(text_of(doc)[max(sentence_start, span.start_char - 2) : span.end_char],
                                        stated.resolution),
            part=part_value, whole=whole_value,
            evidence=[evidence_at(part_span.text, part.resolution), evidence_at(whole_span.text, whole.resolution)],
        ))  # fmt: skip
    return claims


def _words(tokens: Span | list, limit: int) -> list[str]:
    words: list[str] = []
    for token in tokens:
        if token.is_punct or token.ent_type_ or token.is_space or token.text in COUNT_STOP_WORDS:
            break
        words.append(token.text)
        if len(words) == limit:
            break
    return words


def count_claims(doc: Doc, evidence_at: EvidenceAt) -> list[CountClaim]:
    """Counts of things (全省23个市县, 37个进驻部门), labelled by the words around the count.

    The label joins the words right before the count to the noun after it, so that only counts
    printed with the same words are taken for counts of the same thing (全省23个市县 and
    已完成13个市县 are not).
    """
    claims: list[CountClaim] = []
    for span in entities(doc):
        read = figure(span)
        if read is None or span.label_ != "COUNT" or read.quantity.unit not in COUNT_UNITS:
            continue
        after = _words(doc[span.end : span.end + 3], 3)
        if not after:
            continue
        before = list(reversed(_words(list(reversed(doc[max(0, span.start - 2) : span.start])), 2)))
        first = doc[span.start - len(before)].idx if before else span.start_char
        last = doc[span.end + len(after) - 1]
        claims.append(CountClaim(
            label="".join(before + after), value=read.value, unit=read.quantity.unit or "",
            evidence=evidence_at(text_of(doc)[first : last.idx + len(last.text)], read.resolution),
        ))  # fmt: skip
    return claims


def adjustment_reasons(doc: Doc, evidence_at: EvidenceAt) -> list[Evidence]:
    """Clauses saying why the budget moved during the year: an adjustment word with an amount (财政收回57.63万元)."""
    found: list[Evidence] = []
    start = 0
    ends = [m.end() for m in _CLAUSE_END.finditer(text_of(doc))] + [len(text_of(doc))]
    amounts = [(e.start_char, e.end_char) for e in entities(doc) if e.label_ == "MONEY"]
    for end in ends:
        clause = text_of(doc)[start:end]
        has_amount = any(a >= start and b <= end for a, b in amounts)
        if has_amount and any(word in clause for word in ADJUSTMENT_WORDS):
            found.append(evidence_at(clause.strip().rstrip("，,；;。！？!?"), None))
        start = end
    return found


@dataclass(frozen=True)
class NamedShare:
    """A share of a budget quantity named in words (…412.42万元，占总支出的80.55%): the whole is the record's."""

    quantity: str
    """The `Budget` field the words name."""
    words: str
    stated: Decimal
    stated_evidence: Evidence
    part: Decimal
    part_evidence: Evidence


def named_shares(doc: Doc, evidence_at: EvidenceAt) -> list[NamedShare]:
    shares: list[NamedShare] = []
    ents = list(entities(doc))
    for index, span in enumerate(ents):
        stated = figure(span)
        if stated is None or span.label_ != "PERCENT":
            continue
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(text_of(doc), 0, span.start_char)), default=0)
        named = _NAMED_WHOLE.search(text_of(doc)[clause_start : span.start_char])
        if named is None or named.group("words") not in SHARE_WHOLES:
            continue
        sentence_start = max((m.end() for m in _SENTENCE_END.finditer(text_of(doc), 0, span.start_char)), default=0)
        parts = [(e, f) for e in ents[:index] if e.start_char >= sentence_start and (f := figure(e)) is not None]
        if not parts or parts[-1][1].entity != "MONEY":
            continue
        part_span, part = parts[-1]
        shares.append(NamedShare(
            quantity=SHARE_WHOLES[named.group("words")], words=named.group("words"), stated=stated.value,
            stated_evidence=evidence_at(text_of(doc)[clause_start + named.start() : span.end_char], stated.resolution),
            part=part.value, part_evidence=evidence_at(part_span.text, part.resolution),
        ))  # fmt: skip
    return shares
