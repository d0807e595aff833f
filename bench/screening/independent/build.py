"""Build the independent evaluation set: labelled (query, listed name) pairs from independent sources.

    .venv/bin/python -m bench.screening.independent.build          # rewrites dev.jsonl
    .venv/bin/python -m bench.screening.independent.build --freeze # also rewrites eval.jsonl (never
                                                                   # after the freeze: see README)

Sources (none of them the engine's rules): iuliia 0.13.0 for every Russian romanisation scheme it
carries, the alphabet tables of ``tables.py`` (Uzbek 1995, Kazakh 2017/2018/2021, Kazakh passports,
BGN/PCGN), legal forms written out in full from the civil codes' names of each form
(``LEGAL_FORMS`` below), and the hand-written pairs of ``hand.py``.

The split is by *family* (the base person or company a pair is built from): dev and eval never
share a list entry. A family goes to eval when the first byte of its SHA-256 is even.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import unicodedata
from pathlib import Path

import iuliia

from bench.screening.independent import names, tables
from bench.screening.independent.hand import HAND

HERE = Path(__file__).resolve().parent
DEV, EVAL = HERE / "dev.jsonl", HERE / "eval.jsonl"

# iuliia schemes: passports and other official/common ones. MVD_310 = Russian passports 1997,
# MVD_782 = 2010, ICAO_DOC_9303 = 2013 onwards; GOST_52290 = driving licences.
PASSPORT_SCHEMES = ["ICAO_DOC_9303", "MVD_310", "MVD_782", "GOST_52290"]
OTHER_SCHEMES = [
    "ALA_LC",
    "ALA_LC_ALT",
    "BGN_PCGN",
    "BGN_PCGN_ALT",
    "BS_2979",
    "BS_2979_ALT",
    "GOST_16876",
    "GOST_16876_ALT",
    "GOST_52535",
    "GOST_7034",
    "GOST_779",
    "GOST_779_ALT",
    "ISO_9_1954",
    "ISO_9_1968",
    "ISO_9_1968_ALT",
    "MOSMETRO",
    "MVD_310_FR",
    "SCIENTIFIC",
    "TELEGRAM",
    "UNGEGN_1987",
    "UZ",
    "WIKIPEDIA",
    "YANDEX_MAPS",
    "YANDEX_MONEY",
]

# Legal forms: abbreviation and the form written out in full, per language; "{}" is the name.
# Sources: Civil Code of Kazakhstan (arts. 77–106), Law of Kazakhstan on LLPs and ALPs, Law on JSCs
# and its Kazakh text; Civil Code of Uzbekistan and the Law "On LLCs and ALCs" (Uzbek and Russian
# texts); English names as used by the Kazakhstan/Uzbekistan registers' English pages.
LEGAL_FORMS: dict[str, dict[str, tuple[str, list[str]]]] = {
    "kz_llp": {
        "ru": ("ТОО «{}»", ["Товарищество с ограниченной ответственностью «{}»"]),
        "kk": ("«{}» ЖШС", ["«{}» жауапкершілігі шектеулі серіктестігі", "«{}» Жауапкершілігі Шектеулі Серіктестік"]),
        "en": ("{} LLP", ["{} Limited Liability Partnership", "Limited Liability Partnership “{}”"]),
    },
    "kz_jsc": {
        "ru": ("АО «{}»", ["Акционерное общество «{}»"]),
        "kk": ("«{}» АҚ", ["«{}» акционерлік қоғамы", "«{}» Акционерлік Қоғамы"]),
        "en": ("{} JSC", ["{} Joint Stock Company", "Joint-Stock Company “{}”"]),
    },
    "kz_njsc": {
        "ru": ("НАО «{}»", ["Некоммерческое акционерное общество «{}»"]),
        "kk": ("«{}» КеАҚ", ["«{}» коммерциялық емес акционерлік қоғамы"]),
        "en": ("{} NJSC", ["{} Non-profit Joint Stock Company", "Non-Commercial Joint Stock Company “{}”"]),
    },
    "kz_rse": {
        "ru": ("РГП на ПХВ «{}»", ["Республиканское государственное предприятие на праве хозяйственного ведения «{}»"]),
        "kk": ("«{}» ШЖҚ РМК", ["«{}» шаруашылық жүргізу құқығындағы республикалық мемлекеттік кәсіпорны"]),
        "en": ("{} RSE", ["Republican State Enterprise on the Right of Economic Management “{}”"]),
    },
    "uz_llc": {
        "uz": ("«{}» MChJ", ["«{}» masʼuliyati cheklangan jamiyati", "«{}» Masʼuliyati Cheklangan Jamiyat"]),
        "uzc": ("«{}» МЧЖ", ["«{}» масъулияти чекланган жамияти"]),
        "ru": ("ООО «{}»", ["Общество с ограниченной ответственностью «{}»"]),
        "en": ("{} LLC", ["{} Limited Liability Company"]),
    },
    "uz_jsc": {
        "uz": ("«{}» AJ", ["«{}» aksiyadorlik jamiyati"]),
        "uzc": ("«{}» АЖ", ["«{}» акциядорлик жамияти"]),
        "ru": ("АО «{}»", ["Акционерное общество «{}»"]),
        "en": ("{} JSC", ["{} Joint-Stock Company"]),
    },
    "uz_jv": {
        "uz": ("«{}» QK", ["«{}» qoʻshma korxonasi"]),
        "ru": ("СП «{}»", ["Совместное предприятие «{}»"]),
        "en": ("{} JV", ["{} Joint Venture"]),
    },
}


def _family_in_eval(family: str) -> bool:
    return hashlib.sha256(family.encode("utf-8")).digest()[0] % 2 == 0


def _ru(text: str, scheme: str) -> str:
    out = getattr(iuliia, scheme).translate(text)
    # ALA-LC tie bars are combining marks of the scheme, not noise: keep them as iuliia writes them.
    return unicodedata.normalize("NFC", out)


def _person_ru(s: str, g: str, p: str, order: int) -> str:
    return " ".join(x for x in ((g, p, s) if order % 2 else (s, g, p)) if x)


def _initial(word: str) -> str:
    return "-".join(part[:1].upper() + "." for part in word.split("-"))


def pairs() -> list[dict]:
    rows: list[dict] = []

    def add(cls: str, label: str, schema: str, query: str, listed: str, family: str, source: str) -> None:
        if query.strip() == listed.strip():
            return
        rows.append(
            {
                "class": cls,
                "label": label,
                "schema": schema,
                "query": query,
                "listed": listed,
                "family": family,
                "source": source,
            }
        )

    # 1. Russian romanisations (iuliia), persons in Russian Cyrillic.
    for n, (s, g, p) in enumerate(names.RU_PERSONS):
        listed = _person_ru(s, g, p, 0)
        family = "ru:" + listed
        seen: set[str] = set()
        for k, scheme in enumerate(PASSPORT_SCHEMES + OTHER_SCHEMES):
            query = _ru(_person_ru(s, g, p, n + k), scheme)
            if query.lower() in seen:
                continue
            seen.add(query.lower())
            cls = "ru_passport" if scheme in PASSPORT_SCHEMES else "ru_romanisation"
            add(cls, "match", "Person", query, listed, family, f"iuliia {scheme}")
    surnames = {s: (s, g, p) for s, g, p in names.RU_PERSONS}
    near = {"Алимов": "Азимов", "Зайцева": "Зайцев", "Яковлев": "Яковлева"}
    for s, g, p in names.RU_NAMESAKES:
        original = surnames[near.get(s, s)]
        listed = _person_ru(*original, 0)
        for k, scheme in enumerate(("ICAO_DOC_9303", "MVD_310", "WIKIPEDIA", "BGN_PCGN")):
            add("neg_namesake", "non_match", "Person", _ru(_person_ru(s, g, p, k), scheme), listed, "ru:" + listed,
                f"iuliia {scheme}, namesake")  # fmt: skip

    # 2. Uzbek: 1995 Latin ↔ Cyrillic and the Russian folding.
    def uz_full(s: str, g: str, f: str, sex: str) -> str:
        return f"{s} {g} {f} {'oʻgʻli' if sex == 'm' else 'qizi'}"

    for s, g, f, sex in names.UZ_PERSONS:
        latin = uz_full(s, g, f, sex)
        cyr = tables.uz_cyrillic(latin)
        ru = tables.uz_russian(cyr)
        family = "uz:" + latin
        add("uz_cyrillic", "match", "Person", ru, cyr, family, "Uzbek Cyrillic vs Russian letters")
        add("uz_cyrillic", "match", "Person", ru, latin, family, "Uzbek Latin vs Russian letters")
        add("uz_cyrillic", "match", "Person", cyr, ru, family + ":ru", "Russian letters vs Uzbek Cyrillic")
        add("uz_latin", "match", "Person", latin, cyr, family, "Uzbek Latin vs Uzbek Cyrillic (1995)")
    uz_by_surname = {s.rstrip("a"): (s, g, f, sex) for s, g, f, sex in names.UZ_PERSONS}
    for s, g, f, sex in names.UZ_NAMESAKES:
        original = uz_by_surname.get(s.rstrip("a")) or uz_by_surname["Normatov"]
        listed = tables.uz_cyrillic(uz_full(*original))
        query = tables.uz_russian(tables.uz_cyrillic(uz_full(s, g, f, sex)))
        add("neg_namesake", "non_match", "Person", query, listed, "uz:" + uz_full(*original), "Uzbek namesake")
    for n, stem in enumerate(names.UZ_COMPANIES):
        cyr = tables.uz_cyrillic(stem)
        ru = tables.uz_russian(cyr)
        family = "uzc:" + stem
        form = LEGAL_FORMS["uz_llc" if n % 2 else "uz_jsc"]
        add("uz_cyrillic", "match", "Organization", form["ru"][0].format(ru), form["uzc"][0].format(cyr), family,
            "Uzbek Cyrillic company vs Russian letters")  # fmt: skip
        add("uz_cyrillic", "match", "Organization", form["ru"][0].format(ru), form["uz"][0].format(stem), family,
            "Uzbek Latin company vs Russian letters")  # fmt: skip

    # 3. Kazakh persons: Latin alphabets and passports.
    for n, (s, g, p) in enumerate(names.KZ_PERSONS):
        listed = f"{s} {g} {p}"
        family = "kz:" + listed
        for k, scheme in enumerate(tables.KZ_SCHEMES):
            order = (g, p, s) if (n + k) % 2 else (s, g, p)
            text = " ".join(order)
            query = tables.kazakh_latin(text, scheme)
            if (n + k) % 3 == 0:
                query = query.upper()
            add("kk_person_latin", "match", "Person", query, listed, family, f"Kazakh {scheme}")
    kz_by_surname = {s.rstrip("а"): (s, g, p) for s, g, p in names.KZ_PERSONS}
    for k, (s, g, p) in enumerate(names.KZ_NAMESAKES):
        original = kz_by_surname[s.rstrip("а")]
        listed = " ".join(original)
        scheme = list(tables.KZ_SCHEMES)[k % len(tables.KZ_SCHEMES)]
        add("neg_namesake", "non_match", "Person", tables.kazakh_latin(f"{s} {g} {p}", scheme), listed,
            "kz:" + listed, f"Kazakh namesake, {scheme}")  # fmt: skip

    # 4. Kazakh companies letter by letter, and 5. legal forms written out in full.
    for n, stem in enumerate(names.KZ_COMPANIES):
        family = "kzc:" + stem
        kind = ("kz_llp", "kz_jsc", "kz_llp", "kz_njsc", "kz_rse")[n % 5]
        form = LEGAL_FORMS[kind]
        listed = form["ru"][0].format(stem) if n % 2 else form["kk"][0].format(stem)
        for k, scheme in enumerate(tables.KZ_SCHEMES):
            latin = tables.kazakh_latin(stem, scheme)
            abbreviation = form["en"][0].format(latin)
            if k % 3 == 1:
                abbreviation = f"{form['en'][0].split()[-1]} “{latin}”" if kind == "kz_llp" else abbreviation
            add("kk_company_latin", "match", "Organization", abbreviation, listed, family, f"Kazakh {scheme}")
        passport = tables.kazakh_latin(stem, "kk_passport")
        for lang, (abbreviation, fulls) in form.items():
            other = "kk" if lang == "ru" else "ru"
            name_here = passport if lang == "en" else stem
            for full in fulls:
                add("legal_form_full", "match", "Organization", full.format(name_here),
                    form[other][0].format(stem), family, f"{kind} {lang} in full vs {other} abbreviation")  # fmt: skip
            add("legal_form_full", "match", "Organization", abbreviation.format(name_here),
                fulls[0].format(name_here), family + ":full:" + lang,
                f"{kind} {lang} abbreviation vs in full")  # fmt: skip
    for n, stem in enumerate(names.UZ_COMPANIES):
        family = "uzf:" + stem
        kind = ("uz_llc", "uz_jsc", "uz_jv")[n % 3]
        form = LEGAL_FORMS[kind]
        cyr = tables.uz_cyrillic(stem)
        spelled = {"uz": stem, "uzc": cyr, "ru": tables.uz_russian(cyr), "en": stem.replace("ʻ", "")}
        for lang, (_abbreviation, fulls) in form.items():
            other = "ru" if lang != "ru" else "uz"
            for full in fulls:
                add("legal_form_full", "match", "Organization", full.format(spelled[lang]),
                    form[other][0].format(spelled[other]), family,
                    f"{kind} {lang} in full vs {other} abbreviation")  # fmt: skip
    for n, stem in enumerate(names.RU_COMPANIES):
        family = "ruc:" + stem
        kind = ("kz_llp", "kz_jsc", "uz_llc")[n % 3]
        form = LEGAL_FORMS[kind]
        latin = _ru(stem, "BGN_PCGN")
        for lang, (_abbreviation, fulls) in form.items():
            if lang in ("kk", "uz", "uzc"):
                continue
            spelled = latin if lang == "en" else stem
            add("legal_form_full", "match", "Organization", fulls[0].format(spelled),
                form["ru"][0].format(stem), family, f"{kind} {lang} in full vs ru abbreviation")  # fmt: skip
        add("ru_passport", "match", "Organization", form["en"][0].format(_ru(stem, "ICAO_DOC_9303")),
            form["ru"][0].format(stem), family, "iuliia ICAO_DOC_9303 company")  # fmt: skip
        # numbers are identifiers of the name
        year = 2003 + n
        add("neg_number", "non_match", "Organization", form["en"][0].format(f"{latin} {year + 1}"),
            form["ru"][0].format(f"{stem} {year}"), family + ":number", "number-only difference")  # fmt: skip
        add("hand", "match", "Organization", form["en"][0].format(f"{latin} {year}"),
            form["ru"][0].format(f"{stem} {year}"), family + ":number", "same number")  # fmt: skip

    # 6. Initials against the full name (generated from the lists; more in hand.py).
    for s, g, p in names.RU_PERSONS[::3]:
        if not p:
            continue
        listed = _person_ru(s, g, p, 0)
        add("initials", "match", "Person", f"{s} {_initial(g)}{_initial(p)}", listed, "ru:" + listed, "initials")
        latin = _ru(f"{s} {g} {p}", "ICAO_DOC_9303").split()
        add("initials", "match", "Person", f"{_initial(latin[1])} {_initial(latin[2])} {latin[0]}", listed,
            "ru:" + listed, "initials, ICAO")  # fmt: skip
    for s, g, p in names.KZ_PERSONS[::4]:
        listed = f"{s} {g} {p}"
        latin = tables.kazakh_latin(listed, "kk_passport").split()
        add("initials", "match", "Person", f"{latin[0]} {_initial(latin[1])}{_initial(latin[2])}", listed,
            "kz:" + listed, "initials, passport")  # fmt: skip

    # 7. Hand-written pairs.
    for cls, label, schema, query, listed in HAND:
        add(cls, label, schema, query, listed, "hand:" + listed, "hand")

    unique: dict[tuple[str, str, str], dict] = {}
    for row in rows:
        unique.setdefault((row["schema"], row["query"], row["listed"]), row)
    result = list(unique.values())
    for row in result:
        digest = hashlib.sha256(f"{row['schema']}\x1f{row['query']}\x1f{row['listed']}".encode()).hexdigest()
        row["id"] = digest[:12]
    return sorted(result, key=lambda r: (r["class"], r["id"]))


def write(path: Path, rows: list[dict]) -> str:
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_splits(
    rows: list[dict], dev_path: Path, eval_path: Path, *, freeze: bool, dev_extra: list[dict] | None = None
) -> None:
    """Split `rows` by family (`_family_in_eval`), write the development split (with `dev_extra`, pairs
    for development only) and, only when freezing, the evaluation split; print each one's hash."""
    dev = [r for r in rows if not _family_in_eval(r["family"])] + (dev_extra or [])
    evaluation = [r for r in rows if _family_in_eval(r["family"])]
    print(f"{dev_path.stem} {len(dev)} pairs, sha256 {write(dev_path, dev)}")
    if freeze:
        print(f"{eval_path.stem} {len(evaluation)} pairs, sha256 {write(eval_path, evaluation)}")
    else:
        print(f"{eval_path.stem} {len(evaluation)} pairs (not written; frozen file kept)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--freeze", action="store_true", help="also write eval.jsonl (only when freezing)")
    write_splits(pairs(), DEV, EVAL, freeze=parser.parse_args().freeze)


if __name__ == "__main__":
    main()
