"""A realistic Kazakh ESG roadmap as the Word document a board approves, for tests, the demo and the
benchmark: aspect rows (E, S, G) and topic rows merged across the table, cells of several paragraphs,
a responsible unit merged down two rows, the deadline wordings plans use, and one deadline nobody
could parse ("Басқарма шешімі бойынша")."""

from __future__ import annotations

import itertools
from pathlib import Path

ASPECTS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "E — Экологиялық аспект",
        [
            (
                "Климаттың өзгеруі және парниктік газдар шығарындылары",
                [
                    "Парниктік газдар шығарындыларын түгендеу әдістемесін әзірлеу және бекіту",
                    "Шығарындыларды азайту жөніндегі декарбонизация бағдарламасын іске асыру",
                ],
            ),
            (
                "Суды және қалдықтарды басқару",
                ["Қалдықтарды басқару бағдарламасын өзектендіру", "Су тұтынуды есепке алу жүйесін енгізу"],
            ),
        ],
    ),
    (
        "S — Әлеуметтік аспект",
        [
            (
                "Еңбек қауіпсіздігі және еңбекті қорғау",
                [
                    "Еңбек қауіпсіздігі саласындағы қызметкерлерді оқыту",
                    "Жазатайым оқиғаларды тергеу тәртібін жетілдіру",
                ],
            ),
            ("Адам құқықтары", ["Адам құқықтары саясатын әзірлеу және бекіту"]),
        ],
    ),
    (
        "G — Корпоративтік басқару аспектісі",
        [
            (
                "Сыбайлас жемқорлыққа қарсы іс-қимыл",
                [
                    "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізу",
                    "Сыбайлас жемқорлыққа қарсы бағдарламаны өзектендіру",
                ],
            ),
            ("ESG есептілігі", ["Тұрақты даму туралы есепті жариялау", "ESG рейтингін алу"]),
        ],
    ),
]
DEADLINES = [
    "жыл сайын",
    "2025 ж.",
    "2032 ж. дейін",
    "2026 жылдан бастап",
    "қажетіне қарай",
    "2025 жылдың ІІ тоқсаны",
    "ежегодно",
    "до 2032 года",
    "в течение 2030 года",
    "по мере необходимости",
]
UNPARSEABLE = "Басқарма шешімі бойынша"
FORMS = [
    "Бұйрық",
    "Есеп",
    "Директорлар кеңесінің шешімі",
    "Сертификат",
    "Хаттама",
    "Шарт",
    "Бекітілген баға прейскуранты",
]
EXECUTIVES = [
    "Басқарма Төрағасының орынбасары",
    "Бас директор",
    "Комплаенс қызметінің басшысы",
    "Басқарушы директор",
]
UNITS = [
    "Экология және еңбекті қорғау департаменті",
    "Адам ресурстарын басқару департаменті",
    "Комплаенс қызметі",
    "Стратегия департаменті",
    "Қаржы департаменті",
]
HEADER = [
    "№ р/с",
    "Іс-шараның атауы",
    "Орындау мерзімі",
    "Аяқтау нысаны",
    "Жауапты орындаушы",
    "Жауапты бөлімшелер",
    "Бірлескен орындаушылар",
]
TITLE = "«Senim Mining» АҚ 2025–2032 жылдарға арналған ESG жол картасы"


def roadmap_rows(measures: int | None = None) -> list[tuple[str, str, str, list[tuple[str, str, str, str, str, str]]]]:
    """(aspect, topic, …) rows: the sample's measures, or `measures` of them cycling the texts."""
    topics = [(aspect, topic, texts) for aspect, ts in ASPECTS for topic, texts in ts]
    total = measures or sum(len(t) for _, _, t in topics)
    out: list[tuple[str, str, str, list[tuple[str, str, str, str, str, str]]]] = []
    counter = itertools.count(1)
    n = 0
    for round_ in itertools.count():
        for aspect, topic, texts in topics:
            rows = []
            for text in texts:
                if n >= total:
                    break
                i = next(counter)
                deadline = UNPARSEABLE if i == 11 else DEADLINES[i % len(DEADLINES)]
                suffix = f" ({round_ + 1}-кезең)" if round_ else ""
                body = f"{text}{suffix}\nОрындалуын бақылау және есеп беру"
                rows.append(
                    (
                        str(i),
                        body,
                        deadline,
                        FORMS[i % len(FORMS)],
                        EXECUTIVES[i % len(EXECUTIVES)],
                        UNITS[i % len(UNITS)],
                    )
                )
                n += 1
            if rows:
                out.append((aspect, topic, "", rows))
        if n >= total:
            return out
    return out


def write_roadmap_docx(path: Path, *, measures: int | None = None) -> Path:
    """Write the sample roadmap (or one of `measures` measures) as a Word document."""
    import docx

    document = docx.Document()
    document.add_paragraph("Директорлар кеңесінің 2025 жылғы 14 наурыздағы № 3 шешімімен БЕКІТІЛГЕН")
    document.add_heading(TITLE, level=1)
    groups = roadmap_rows(measures)
    switches = sum(1 for i, g in enumerate(groups) if i == 0 or g[0] != groups[i - 1][0])
    count = 1 + sum(1 + len(rows) for _, _, _, rows in groups) + switches
    table = document.add_table(rows=count, cols=len(HEADER))
    table.style = "Table Grid"
    table_rows = list(table.rows)
    for cell, text in zip(table_rows[0].cells, HEADER, strict=True):
        cell.text = text
    r = 1
    last_aspect = None
    for aspect, topic, _, rows in groups:
        if aspect != last_aspect:
            cells = table_rows[r].cells
            merged = cells[0].merge(cells[-1])
            merged.text = aspect
            r += 1
            last_aspect = aspect
        cells = table_rows[r].cells
        merged = cells[0].merge(cells[-1])
        merged.text = topic
        r += 1
        first = r
        for number, body, deadline, form, executive, unit in rows:
            cells = table_rows[r].cells
            cells[0].text = number
            first_line, *rest = body.split("\n")
            cells[1].text = first_line
            for para in rest:
                cells[1].add_paragraph(para)
            cells[2].text = deadline
            cells[3].text = form
            cells[4].text = executive
            cells[5].text = unit
            cells[6].text = "Қаржы департаменті" if int(number) % 3 == 0 else ""
            r += 1
        # The first topic's unit is written once, merged down over its measures.
        if len(rows) > 1 and first == 3:
            top = table_rows[first].cells[5]
            for k in range(first + 1, first + len(rows)):
                table_rows[k].cells[5].text = ""
            top.merge(table_rows[first + len(rows) - 1].cells[5])
    document.save(str(path))
    return path
