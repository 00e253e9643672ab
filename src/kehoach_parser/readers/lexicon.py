"""Post-correction of OCR'd Vietnamese from a word list: tone and vowel marks put back where the
OCR lost or confused them ("KIÊM TRA" -> "KIỂM TRA", "chầp hành" -> "chấp hành", "YÊU CẢU" ->
"YÊU CẦU"), and syllables run together split apart ("BỘCÔNGAN" -> "BỘ CÔNG AN").

The word list is underthesea's Viet74K (74,000 words and phrases, most of two or more syllables;
where to find it is data in ``vocab/ocr.toml``), read once, the first time OCR output is corrected.

A line's run of letter-only syllables is covered, left to right, by phrases of the list (dynamic
programming, linear in the run): a phrase found as printed joins its syllables at no cost; a
phrase that is not in the list but has exactly one entry of the list that differs from it only in
the marks of one syllable (tone, circumflex, breve, horn) may be replaced by it, at a cost
(``change_cost``) that an exact phrase over the same syllables outweighs — so "các cơ sở" stays
(its "cơ sở" is a word) while "kiêm tra việc" becomes "kiểm tra việc". Case is kept syllable by
syllable; a token with digits or symbols inside (an identifier, a number) is never touched, nor
does a run of capitalised syllables (a name) change into anything but a name of the list.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import regex

from ..vocab import load_toml, syllables
from .textlayer import is_syllable

# a token's punctuation around its letters: "(Kiêm", "tra);", "“Nơi"
TOKEN = regex.compile(r"^([\p{P}\p{S}]*)(\p{L}+)([\p{P}\p{S}]*)$")
MIN_SPLIT = 4  # letters: a shorter token is never split
MAX_SPLIT = 24  # letters: a longer one is not a few syllables run together


@dataclass(frozen=True)
class Marks:
    tones: str  # the tone marks (combining)
    vowel: str  # the other vowel marks (combining): circumflex, breve, horn
    stacked: str  # the vowel marks a tone mark sits on top of
    stop_codas: tuple[str, ...]
    stop_tones: str


@dataclass(frozen=True)
class Lexicon:
    words: frozenset[str]  # every entry, lower case, in canonical form (see _canonical)
    names: frozenset[str]  # entries written with a capital (proper names), the same
    variants: dict[str, tuple[str, ...]]  # bare form (no marks at all) of a phrase -> its entries (lower case)
    marks: Marks
    change_cost: float
    longest: int
    labels: dict[str, str]  # bare form -> a one-word label of the form, printed before a colon


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word list, indexed (read on first use; empty when the list's package is missing)."""
    config = load_toml("ocr.toml")["lexicon"]
    marks = Marks("".join(syllables().tones), "".join(config["marks"]), "".join(config["stacked"]),
                  tuple(config["stop_codas"]), "".join(config["stop_tones"]))
    words: set[str] = set()
    names: set[str] = set()
    variants: dict[str, list[str]] = {}
    spec = find_spec(config["package"])
    roots = list(spec.submodule_search_locations or []) if spec else []
    path = Path(roots[0], config["path"]) if roots else None
    lines = path.read_text("utf-8").splitlines() if path is not None and path.is_file() else []
    for raw in lines:
        entry = unicodedata.normalize("NFC", raw.strip())
        if not entry or "-" in entry:
            continue
        low = entry.lower()
        key = _canonical(low, marks)
        words.add(key)
        if entry != low:
            names.add(key)
        if " " in low and low.count(" ") < config["longest"]:
            variants.setdefault(_strip(low, marks.tones + marks.vowel), []).append(low)
    labels = {_strip(w.lower(), marks.tones + marks.vowel): w for w in config["labels"]}
    return Lexicon(frozenset(words), frozenset(names), {k: tuple(dict.fromkeys(v)) for k, v in variants.items()},
                   marks, float(config["change_cost"]), int(config["longest"]), labels)


def _strip(text: str, marks: str) -> str:
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text) if c not in marks))


def _split_tone(syllable: str, marks: Marks) -> tuple[str, str]:
    """A syllable -> (its letters with their vowel marks, its tone mark or ""): "kiểm" -> ("kiêm", hook)."""
    nfd = unicodedata.normalize("NFD", syllable)
    tone = "".join(c for c in nfd if c in marks.tones)
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in marks.tones)), tone


def _canonical(phrase: str, marks: Marks) -> str:
    """A phrase with each syllable's tone written after its letters: where the tone sits ("hóa" or
    "hoá", "ủy" or "uỷ") makes no difference."""
    return " ".join("".join(_split_tone(s, marks)) for s in phrase.split(" "))


def _misread(seen: str, meant: str, marks: Marks) -> bool:
    """OCR could have read the syllable ``meant`` as ``seen`` (same letters, marks differ): the tone
    over a circumflex, breve or horn lost ("kiêm" for "kiểm", "TRƯƠNG" for "TRƯỞNG"); a circumflex
    or breve with its tone read as a single mark ("KÉ" for "KẾ", "CẢU" for "CẦU"); or a tone a
    stop-final syllable cannot take ("chầp" for "chấp")."""
    (s_letters, s_tone), (m_letters, m_tone) = _split_tone(seen, marks), _split_tone(meant, marks)
    s_nfd, m_nfd = unicodedata.normalize("NFD", s_letters), unicodedata.normalize("NFD", m_letters)
    if s_letters == m_letters:
        if not s_tone:
            return any(c in marks.vowel for c in s_nfd)
        stop = s_letters.endswith(marks.stop_codas) and s_tone not in marks.stop_tones
        return stop and m_tone in marks.stop_tones
    added = [c for c in m_nfd if c not in s_nfd]
    if any(c not in m_nfd for c in s_nfd):
        return False  # a mark read that is not there: no misreading of this kind
    below = marks.stop_tones[-1]  # the dot below is no part of a stack above the vowel
    same_place = s_tone == m_tone or (below not in s_tone + m_tone)
    same_letters = _strip(s_letters, marks.stacked) == _strip(m_letters, marks.stacked)
    return bool(s_tone) and bool(m_tone) and same_place and same_letters and len(added) == 1 \
        and added[0] in marks.stacked


def _cased(model: str, word: str) -> str:
    """``word`` (lower case) written in the case of ``model``: "KIÊM" -> "KIỂM", "Kiêm" -> "Kiểm"."""
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _capitalised(cores: list[str]) -> bool:
    """Every syllable starts with a capital and goes on in lower case: "Hoàng Văn Thuân", a name."""
    return all(c[:1].isupper() and not c[1:].isupper() for c in cores)


def _variant(lex: Lexicon, cores: list[str]) -> str | None:
    """The one entry of the list that OCR could have misread as the phrase ``cores`` in exactly one
    syllable (see :func:`_misread`), or None (none, or more than one)."""
    low = [c.lower() for c in cores]
    found = []
    for entry in lex.variants.get(_strip(" ".join(low), lex.marks.tones + lex.marks.vowel), ()):
        changed = [(a, b) for a, b in zip(low, entry.split(" "), strict=False) if a != b]
        if len(changed) != 1 or not _misread(*changed[0], lex.marks):
            continue
        if _capitalised(cores) != (_canonical(entry, lex.marks) in lex.names) and not all(c.isupper() for c in cores):
            continue  # a name only ever becomes a name, a common phrase a common phrase (capitals: either)
        found.append(entry)
    return found[0] if len(found) == 1 else None


def _fix_run(lex: Lexicon, cores: list[str]) -> list[str]:
    """The syllables of one run, corrected: the cover by list phrases with the best score (joined
    syllables, less ``change_cost`` per changed syllable). A change is kept only when no other
    phrase over the same syllable scores as well and reads it otherwise ("chuyển đõi số": "chuyển
    đổi" and "đối số" disagree on "đõi", which stays)."""
    n = len(cores)
    phrases: dict[tuple[int, int], tuple[float, str]] = {}  # (start, syllables) -> gain, the phrase's text
    for i in range(n):
        for k in range(2, min(lex.longest, n - i) + 1):
            window = cores[i:i + k]
            low = " ".join(c.lower() for c in window)
            if _canonical(low, lex.marks) in lex.words:
                phrases[i, k] = (k - 1.0, low)
            else:
                entry = _variant(lex, window)
                if entry is not None:
                    phrases[i, k] = (k - 1.0 - lex.change_cost, entry)
    start: tuple[float, int, str | None] = (0.0, 0, None)  # score, syllables of the last phrase, its replacement
    best = [start] + [(-1.0, 1, None) for _ in range(n)]
    for i in range(n):
        score = best[i][0]
        if score > best[i + 1][0]:
            best[i + 1] = (score, 1, None)
        for k in range(2, min(lex.longest, n - i) + 1):
            if (i, k) not in phrases:
                continue
            gain, text = phrases[i, k]
            entry = None if gain == k - 1.0 else text
            if score + gain > best[i + k][0] + 1e-9:
                best[i + k] = (score + gain, k, entry)
    out = list(cores)
    j = n
    while j > 0:
        _score, step, entry = best[j]
        i = j - step
        if entry is not None and not _disputed(phrases, i, step, cores):
            for m, word in enumerate(entry.split(" ")):
                out[i + m] = _cased(cores[i + m], word)
        j = i
    return out


def _disputed(phrases: dict[tuple[int, int], tuple[float, str]], start: int, size: int, cores: list[str]) -> bool:
    """Another phrase overlapping the chosen one at ``start`` scores as well and reads one of the
    syllables the chosen one changes otherwise."""
    gain, text = phrases[start, size]
    chosen = text.split(" ")
    changed = {start + m for m, word in enumerate(chosen) if word != cores[start + m].lower()}
    for (i, k), (other_gain, other) in phrases.items():
        if (i, k) == (start, size) or other_gain < gain - 1e-9:
            continue
        words = other.split(" ")
        if any(i <= p < i + k and words[p - i] != chosen[p - start] for p in changed):
            return True
    return False


def _split(lex: Lexicon, core: str) -> list[str] | None:
    """A token that is no syllable as syllables run together, when exactly one way of cutting it
    into two or three syllables reads as phrases of the list, at least one of several syllables:
    "BỘCÔNGAN" -> ["BỘ", "CÔNG", "AN"] ("bộ" + "công an")."""
    low = core.lower()
    if not MIN_SPLIT <= len(core) <= MAX_SPLIT or _canonical(low, lex.marks) in lex.words or is_syllable(core):
        return None
    found = []
    n = len(core)
    for a in range(1, n):
        if not is_syllable(low[:a]):
            continue
        for b in range(a + 1, n + 1):
            parts = [low[:a], low[a:b]] + ([low[b:]] if b < n else [])
            if not all(is_syllable(p) for p in parts[1:]):
                continue
            if _covered(lex, parts):
                found.append([core[:a], core[a:b]] + ([core[b:]] if b < n else []))
    return found[0] if len(found) == 1 else None


def _covered(lex: Lexicon, parts: list[str]) -> bool:
    """The syllables read as phrases of the list, one of them of several syllables."""
    def known(syllables: list[str]) -> bool:
        return _canonical(" ".join(syllables), lex.marks) in lex.words

    if known(parts):
        return True
    return len(parts) == 3 and ((known(parts[:1]) and known(parts[1:])) or (known(parts[:2]) and known(parts[2:])))


def correct(tokens: list[str]) -> list[list[str]]:
    """A line's OCR tokens (as separated by spaces) corrected: for each, the token or tokens it
    becomes (several when syllables run together are split)."""
    lex = lexicon()
    if not lex.words:
        return [[t] for t in tokens]
    pieces: list[list[str]] = []
    for token in tokens:
        m = TOKEN.match(token)
        label = lex.labels.get(_strip(m.group(2).lower(), lex.marks.tones + lex.marks.vowel)) if m else None
        if m and label and m.group(3).startswith(":"):
            pieces.append([m.group(1) + _cased(m.group(2), label.lower()) + m.group(3)])  # "Só:" -> "Số:"
            continue
        split = _split(lex, m.group(2)) if m else None
        if m and split:
            split[0] = m.group(1) + split[0]
            split[-1] += m.group(3)
        pieces.append(split or [token])
    flat = [p for ps in pieces for p in ps]
    runs: list[list[int]] = [[]]  # runs of letter-only syllables (indexes into flat), split at punctuation
    for i, piece in enumerate(flat):
        m = TOKEN.match(piece)
        if not (m and is_syllable(m.group(2))):
            runs.append([])
            continue
        if m.group(1):
            runs.append([])  # "(Bồ": a phrase does not go on into brackets
        runs[-1].append(i)
        if m.group(3):
            runs.append([])  # "tra);": nor past punctuation
    for run in runs:
        if len(run) < 2:
            continue
        parts = [TOKEN.match(flat[i]) for i in run]
        fixed = _fix_run(lex, [m.group(2) for m in parts if m])
        for i, m, word in zip(run, parts, fixed, strict=True):
            if m:
                flat[i] = m.group(1) + word + m.group(3)
    out: list[list[str]] = []
    k = 0
    for ps in pieces:
        out.append(flat[k:k + len(ps)])
        k += len(ps)
    return out
