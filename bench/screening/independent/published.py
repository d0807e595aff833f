"""Second independent set (session 4): Uzbek names as published in Uzbek Latin against their Russian form.

    .venv/bin/python -m bench.screening.independent.published           # rewrites dev2.jsonl
    .venv/bin/python -m bench.screening.independent.published --freeze  # also eval2.jsonl (done once)

Russian spelling of Uzbek names is not a letter-by-letter transliteration: it keeps the Russian
vowels of the older tradition (Uzbek o for Russian а: Toshkent = Ташкент, Farhod = Фархад; oʻ for у:
Oʻtkir = Уткир; Russian ы and я where Uzbek writes i, ya or a: Olmaliq = Алмалык, Gʻallaorol =
Галляарал). The pairs below are the *published* forms, not anybody's rule:

* persons: the title of the person's article in the Uzbek Wikipedia (Latin script) against the title
  in the Russian Wikipedia, as of 2026 (writers, politicians, athletes of Uzbekistan);
* places: the official Uzbek Latin names of Uzbekistan's regions, cities and districts against their
  official Russian names (as used on the regions' Russian-language government sites and in the
  Russian Wikipedia), built into company names with a business word that both languages write
  alike (Agro = Агро, Invest = Инвест …) and a legal form in each language (MChJ / ООО).

Development only (never in eval2, added after it was frozen): every Russian romanisation scheme of
iuliia applied to the Russian forms of the persons below and of public figures of Kazakhstan,
Russia and the Korean diaspora (``IULIIA_NAMES``), in register order with patronymics where the
Russian Wikipedia gives them.

Negatives: a person's published Latin name against the Russian name of *another* person of the
list who shares the given name or the surname; a company against the same place with another
business word, and against a different place whose Russian name is close (Koson/Касан vs
Kogon/Каган).

The split is by family, as in build.py (first byte of the family's SHA-256 even → eval2).
``eval2.jsonl`` was frozen when written, before any engine change of session 4 was tried on it;
its sha256 is recorded in run.py and the README. Tune on dev2 only.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from bench.screening.independent.build import write_splits

HERE = Path(__file__).resolve().parent
DEV2, EVAL2 = HERE / "dev2.jsonl", HERE / "eval2.jsonl"

# (Uzbek Wikipedia title, Russian Wikipedia title): given name first, surname last.
PERSONS: list[tuple[str, str]] = [
    ("Islom Karimov", "Ислам Каримов"),
    ("Shavkat Mirziyoyev", "Шавкат Мирзиёев"),
    ("Abdulla Oripov", "Абдулла Арипов"),
    ("Gʻafur Gʻulom", "Гафур Гулям"),
    ("Abdulla Qodiriy", "Абдулла Кадыри"),
    ("Erkin Vohidov", "Эркин Вахидов"),
    ("Hamid Olimjon", "Хамид Алимджан"),
    ("Oʻtkir Hoshimov", "Уткир Хашимов"),
    ("Asqad Muxtor", "Аскад Мухтар"),
    ("Said Ahmad", "Саид Ахмад"),
    ("Odil Yoqubov", "Адыл Якубов"),
    ("Pirimqul Qodirov", "Пиримкул Кадыров"),
    ("Sharof Rashidov", "Шараф Рашидов"),
    ("Usmon Yusupov", "Усман Юсупов"),
    ("Yulduz Usmonova", "Юлдуз Усманова"),
    ("Sevara Nazarxon", "Севара Назархан"),
    ("Rustam Azimov", "Рустам Азимов"),
    ("Abdulaziz Komilov", "Абдулазиз Камилов"),
    ("Rustam Inoyatov", "Рустам Иноятов"),
    ("Elyor Gʻaniyev", "Эльёр Ганиев"),
    ("Botir Zokirov", "Батыр Закиров"),
    ("Tohir Malik", "Тахир Малик"),
    ("Muhammad Yusuf", "Мухаммад Юсуф"),
    ("Shuhrat Abbosov", "Шухрат Аббасов"),
    ("Mannon Uygʻur", "Маннон Уйгур"),
    ("Abbos Atoyev", "Аббос Атоев"),
    ("Hasanboy Doʻsmatov", "Хасанбой Дусматов"),
    ("Bahodir Jalolov", "Баходир Джалолов"),
    ("Shahobiddin Zoirov", "Шахобиддин Зоиров"),
    ("Eldor Shomurodov", "Эльдор Шомуродов"),
    ("Nigmatilla Yoʻldoshev", "Нигматилла Юлдашев"),
    ("Tanzila Norboyeva", "Танзила Нарбаева"),
    ("Oʻtkir Sultonov", "Уткир Султанов"),
    ("Gulnora Karimova", "Гульнара Каримова"),
    ("Ismoil Joʻrabekov", "Исмаил Джурабеков"),
    ("Jamshid Qoʻchqorov", "Джамшид Кучкаров"),
    ("Alisher Usmonov", "Алишер Усманов"),
    ("Dilorom Toshmuhamedova", "Дилором Ташмухамедова"),
    ("Sodiq Safoyev", "Садык Сафаев"),
    ("Rustam Qosimov", "Рустам Касымов"),
    ("Abdulla Qahhor", "Абдулла Каххар"),
    ("Hamid Gʻulom", "Хамид Гулям"),
    ("Zulfiya Isroilova", "Зульфия Исраилова"),
    ("Sadriddin Ayniy", "Садриддин Айни"),
    ("Abdurauf Fitrat", "Абдурауф Фитрат"),
    ("Mahmudxoʻja Behbudiy", "Махмудходжа Бехбуди"),
    ("Halima Xudoyberdiyeva", "Халима Худойбердиева"),
    ("Ravshan Irmatov", "Равшан Ирматов"),
    ("Odil Ahmedov", "Одил Ахмедов"),
    ("Nodirbek Abdusattorov", "Нодирбек Абдусатторов"),
    ("Rustam Qosimjonov", "Рустам Касымджанов"),
    ("Bahodirjon Sultonov", "Баходиржон Султонов"),
    ("Rishod Sobirov", "Ришод Собиров"),
]

# (official Uzbek Latin name, official Russian name) of regions, cities and districts.
PLACES: list[tuple[str, str]] = [
    ("Toshkent", "Ташкент"),
    ("Samarqand", "Самарканд"),
    ("Buxoro", "Бухара"),
    ("Fargʻona", "Фергана"),
    ("Andijon", "Андижан"),
    ("Namangan", "Наманган"),
    ("Qashqadaryo", "Кашкадарья"),
    ("Surxondaryo", "Сурхандарья"),
    ("Xorazm", "Хорезм"),
    ("Navoiy", "Навои"),
    ("Jizzax", "Джизак"),
    ("Sirdaryo", "Сырдарья"),
    ("Qoraqalpogʻiston", "Каракалпакстан"),
    ("Termiz", "Термез"),
    ("Qarshi", "Карши"),
    ("Urganch", "Ургенч"),
    ("Nukus", "Нукус"),
    ("Chirchiq", "Чирчик"),
    ("Olmaliq", "Алмалык"),
    ("Angren", "Ангрен"),
    ("Bekobod", "Бекабад"),
    ("Guliston", "Гулистан"),
    ("Margʻilon", "Маргилан"),
    ("Qoʻqon", "Коканд"),
    ("Kattaqoʻrgʻon", "Каттакурган"),
    ("Shahrisabz", "Шахрисабз"),
    ("Zarafshon", "Зарафшан"),
    ("Uchquduq", "Учкудук"),
    ("Gʻijduvon", "Гиждуван"),
    ("Xiva", "Хива"),
    ("Denov", "Денау"),
    ("Yangiyoʻl", "Янгиюль"),
    ("Ohangaron", "Ахангаран"),
    ("Quvasoy", "Кувасай"),
    ("Chust", "Чуст"),
    ("Asaka", "Асака"),
    ("Xonobod", "Ханабад"),
    ("Kogon", "Каган"),
    ("Gʻallaorol", "Галляарал"),
    ("Olot", "Алат"),
    ("Zomin", "Заамин"),
    ("Boysun", "Байсун"),
    ("Sherobod", "Шерабад"),
    ("Gʻuzor", "Гузар"),
    ("Koson", "Касан"),
    ("Muborak", "Мубарек"),
    ("Nurota", "Нурата"),
    ("Paxtakor", "Пахтакор"),
]

# Russian Wikipedia forms (surname, given name, patronymic) for the iuliia development pairs.
IULIIA_NAMES: list[str] = [
    "Назарбаев Нурсултан Абишевич",
    "Токаев Касым-Жомарт Кемелевич",
    "Кулибаев Тимур Аскарович",
    "Машкевич Александр Антонович",
    "Щербаков Вячеслав Ильич",
    "Цой Виктор Робертович",
    "Хрущёв Никита Сергеевич",
    "Пугачёва Алла Борисовна",
    "Шойгу Сергей Кужугетович",
    "Чубайс Анатолий Борисович",
    "Ким Ён Хи",
    "Пак Ён Чер",
    "Мамин Аскар Узакпаевич",
    "Масимов Карим Кажимканович",
    "Сагинтаев Бакытжан Абдирович",
    "Смаилов Алихан Асханович",
    "Бектенов Олжас Абаевич",
    "Ашимбаев Маулен Сагатханович",
]

# Business words written alike in Uzbek Latin and Russian company names.
WORDS: list[tuple[str, str]] = [
    ("Agro", "Агро"),
    ("Invest", "Инвест"),
    ("Trans", "Транс"),
    ("Servis", "Сервис"),
    ("Tekstil", "Текстиль"),
    ("Qurilish", "Курилиш"),
]

# Places whose Russian names are close but which are different towns (hard negatives).
NEAR_PLACES: list[tuple[str, str]] = [("Koson", "Kogon"), ("Kogon", "Koson")]


def pairs() -> list[dict]:
    rows: list[dict] = []

    def add(cls: str, label: str, schema: str, query: str, listed: str, family: str, source: str) -> None:
        digest = hashlib.sha256(f"{schema}\x1f{query}\x1f{listed}".encode()).hexdigest()
        rows.append(
            {
                "class": cls,
                "family": family,
                "id": digest[:12],
                "label": label,
                "listed": listed,
                "query": query,
                "schema": "Person" if schema == "Person" else "Organization",
                "source": source,
            }
        )

    def register(russian: str) -> str:  # "Ислам Каримов" → "Каримов Ислам" (register order)
        given, surname = russian.rsplit(" ", 1)
        return f"{surname} {given}"

    for latin, russian in PERSONS:
        family = "pub:" + russian
        add("uz_published_person", "match", "Person", latin, register(russian), family, "uz/ru Wikipedia titles")
        add("uz_published_person", "match", "Person", latin.upper(), register(russian), family,
            "uz/ru Wikipedia titles, upper case")  # fmt: skip
        given, surname = latin.rsplit(" ", 1)
        for other_latin, other_russian in PERSONS:
            if other_russian == russian:
                continue
            other_given, other_surname = other_latin.rsplit(" ", 1)
            if other_given == given or other_surname.rstrip("a") == surname.rstrip("a"):
                add("neg_published", "no_match", "Person", latin, register(other_russian), family,
                    "another person sharing a name (uz/ru Wikipedia titles)")  # fmt: skip

    russian_place = dict(PLACES)
    for number, (latin, russian) in enumerate(PLACES):
        family = "pubc:" + russian
        word_uz, word_ru = WORDS[number % len(WORDS)]
        other_ru = WORDS[(number + 1) % len(WORDS)][1]
        add("uz_published_company", "match", "Organization", f"«{latin} {word_uz}» MChJ",
            f"ООО «{russian} {word_ru}»", family, "official Uzbek Latin vs Russian place name")  # fmt: skip
        add("uz_published_company", "match", "Organization", f"{latin.upper()} {word_uz.upper()} MCHJ",
            f"ООО «{russian} {word_ru}»", family, "official place name, upper case")  # fmt: skip
        add("neg_published", "no_match", "Organization", f"«{latin} {word_uz}» MChJ",
            f"ООО «{russian} {other_ru}»", family, "same place, another business word")  # fmt: skip
    for latin, other in NEAR_PLACES:
        family = "pubc:" + russian_place[latin]
        add("neg_published", "no_match", "Organization", f"«{latin} Agro» MChJ",
            f"ООО «{russian_place[other]} Агро»", family, "another town with a close Russian name")  # fmt: skip
    return sorted(rows, key=lambda r: (r["class"], r["id"]))


def iuliia_pairs() -> list[dict]:
    """Development pairs: every iuliia scheme of build.py over the Russian forms (register order)."""
    import iuliia

    from bench.screening.independent.build import OTHER_SCHEMES, PASSPORT_SCHEMES

    rows = []
    listed_names = [" ".join(reversed(russian.split(" "))) for _, russian in PERSONS] + IULIIA_NAMES
    for listed in listed_names:
        for scheme in PASSPORT_SCHEMES + OTHER_SCHEMES:
            query = getattr(iuliia, scheme).translate(listed)
            digest = hashlib.sha256(f"Person\x1f{query}\x1f{listed}".encode()).hexdigest()
            rows.append(
                {
                    "class": "ru_published_iuliia",
                    "family": "pubiu:" + listed,
                    "id": digest[:12],
                    "label": "match",
                    "listed": listed,
                    "query": query,
                    "schema": "Person",
                    "source": f"iuliia {scheme}",
                }
            )
    unique = {(r["query"], r["listed"]): r for r in rows}
    return sorted(unique.values(), key=lambda r: r["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--freeze", action="store_true", help="also write eval2.jsonl (only when freezing)")
    # iuliia pairs are for development only: eval2 was frozen before they were added.
    write_splits(pairs(), DEV2, EVAL2, freeze=parser.parse_args().freeze, dev_extra=iuliia_pairs())


if __name__ == "__main__":
    main()
