"""Seeded generator of realistic Kazakh, Russian and Uzbek people for the demo group (no Django here).

The same seed always gives the same people. Names are kept in their native script (Kazakh and Russian
in Cyrillic, Uzbek in Uzbek Latin) and the other script is derived with senim.core.translit, so both
spellings of a person always agree. Staff in Kazakhstan get an IIN, staff in Uzbekistan a PINFL.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, NamedTuple

from senim.core.identifiers import make_iin, make_pinfl
from senim.core.translit import OKINA, to_latin, to_uzbek_cyrillic

Nationality = Literal["kz", "ru", "uz"]
Sex = Literal["M", "F"]
Country = Literal["KZ", "UZ"]

_UZ_SON, _UZ_DAUGHTER = f"o{OKINA}g{OKINA}li", "qizi"
REFERENCE_DATE = date(2026, 1, 1)
YOUNGEST_AGE, OLDEST_AGE = 20, 64
# Shares of the demo group's staff when no nationality is asked for.
_NATIONALITY_WEIGHTS: dict[Nationality, int] = {"kz": 50, "ru": 20, "uz": 30}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- name lists (male surname forms; female forms are derived) ----------------------------------

_KZ_MALE = _words("""
    Нұрлан Ержан Серік Бауыржан Дәулет Асқар Ерлан Қайрат Марат Мұрат Талғат Болат Нұржан Ерболат
    Арман Азамат Айдос Алмас Аслан Бақыт Бекзат Бердібек Досжан Дархан Ербол Ерік Жандос Жанболат
    Жасұлан Қанат Қуаныш Мақсат Мейрам Нұрбол Нұрсұлтан Олжас Ораз Рүстем Руслан Самат Сәкен Санжар
    Сұлтан Тимур Төлеген Ұлан Ғалым Ғабит Әділет Әлібек Абай Абылай Айбек Айдар Амангелді Асхат
    Аян Бағдат Бейбіт Бекжан Бірлік Дамир Данияр Елдос Еркін Ернар Жақсылық Қасым Мирас Мұхтар
    Нұрбек Оспан Өмірзақ Рахат Сейіт Темірлан Тұрсын Шыңғыс Ілияс Ақжол Әлихан Бақытжан Дидар Ерасыл
    Ернұр Жарас Медет Мұхит Нұрасыл Райымбек Саят Сырым Тоқтар Ұлықбек Шәміл Мұса
""")
_KZ_FEMALE = _words("""
    Айгүл Жансая Әсел Айгерім Ақмарал Ақбота Айжан Айнұр Алия Әсем Аружан Ботагөз Гүлнар Гүлмира
    Гүлжан Дана Данагүл Динара Дариға Жанар Жұлдыз Жібек Зарина Зәуре Индира Қарлығаш Күлпаш Ләззат
    Мадина Мақпал Меруерт Мөлдір Нәзира Назерке Нұргүл Нұрсұлу Перизат Раушан Сабина Салтанат Сәуле
    Сымбат Толқын Томирис Ұлжан Ұлпан Фариза Шынар Шолпан Эльмира Айсұлу Аида Айым Айша Ақерке
    Альбина Анар Балжан Бибігүл Гаухар Гүлзат Гүлшат Ділназ Жазира Жаннат Жадыра Жансұлу Зейнеп
    Камила Қымбат Лаура Маржан Мейірім Нұрай Сара Сәния Талшын Тоғжан Ұлбосын Шұғыла Іңкәр Әдемі
""")
_KZ_SURNAMES = _words("""
    Жұмабеков Сәрсенбаев Тоқаев Оспанов Қасымов Ахметов Байжанов Әбенов Ғабитов Дәулетов Ержанов
    Есенов Жақсылықов Жексенбаев Жүнісов Исабеков Қайратов Қалиев Құдайбергенов Мұқанов Мұратов
    Нұрланов Нұрпейісов Омаров Оразов Өтебаев Сағынтаев Сапаров Сейітов Смағұлов Сүлейменов
    Тәжібаев Темірханов Төлеуов Тұрсынов Үсенов Шәріпов Ыбырайымов Әлиев Байтұрсынов Бөкейханов
    Дүйсенов Елеусізов Жаңабаев Иманов Кенжебаев Мамыров Серікбаев Тастанов Уәлиханов Шайхин
    Қонаев Әуезов Абдрахманов Бейсенов Нұрмағамбетов Есімов
""")
_RU_MALE = _words("""
    Александр Алексей Анатолий Андрей Антон Аркадий Артём Артур Борис Вадим Валентин Валерий
    Василий Виктор Виталий Владимир Владислав Вячеслав Геннадий Георгий Глеб Григорий Даниил Денис
    Дмитрий Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим Марк Матвей Михаил Никита
    Николай Олег Павел Пётр Роман Ростислав Руслан Семён Сергей Станислав Степан Тимофей Фёдор Юрий
    Ярослав Эдуард Лев Арсений Всеволод Вениамин Герман Данила Елисей Захар Игнат Иннокентий Прохор
    Савелий Тимур Филипп Яков Богдан Святослав Мирон Платон Родион Назар Демид Артемий Ефим Макар
    Эрик Лука
""")
_RU_FEMALE = _words("""
    Анна Мария Елена Ольга Наталья Татьяна Ирина Светлана Екатерина Юлия Анастасия Марина Галина
    Людмила Валентина Надежда Оксана Алла Вера Любовь Лариса Нина Тамара Зоя Жанна Инна
    Дарья Полина Ксения Алёна Виктория Александра Софья Алиса Вероника Арина Валерия Кристина
    Елизавета Маргарита Евгения Диана Яна Ульяна Варвара Василиса Милана Ева Таисия Раиса Лидия
    Клавдия Антонина Элеонора Эльвира Ангелина Олеся Снежана Регина Карина Лилия Майя Нелли Римма
    Зинаида Капитолина Серафима Стефания Злата Мирослава Есения Кира Лада Влада Мила Ника Нонна
    Инесса Ирэна Агата Виолетта Изабелла Ярослава Владислава Станислава Янина Ариана Эмилия Милена
""")
_RU_SURNAMES = _words("""
    Иванов Кузнецов Смирнов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков
    Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин
    Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов
    Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв
    Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов
    Осипов Сидоров Щербаков Покровский Вишневский Ёлкин
""")
# Uzbek names in the official Uzbek Latin alphabet (ʻ is U+02BB, ʼ is U+02BC).
_UZ_MALE = _words("""
    Otabek Jasur Sherzod Akmal Alisher Aziz Azizbek Bahodir Bekzod Bobur Botir Davron Dilshod Doniyor
    Elyor Erkin Farhod Farrux Gʻayrat Hamid Ibrohim Ikrom Ilhom Islom Jahongir Jamshid Javlon Komil
    Laziz Mansur Mirzo Muhammad Murod Nodir Nurbek Odil Olim Oybek Oʻtkir Poʻlat Qahramon Ravshan
    Rustam Sanjar Sardor Sarvar Shavkat Shuhrat Sobir Sodiq Suhrob Temur Toʻlqin Ulugʻbek Umid Vohid
    Xurshid Yusuf Zafar Zokir Abdulla Abror Akbar Anvar Asror Baxtiyor Behzod Dilmurod Eldor Fazliddin
    Husan Hasan Jaloliddin Kamoliddin Lochin Mirjalol Nodirbek Oʻktam Qodir Rahmat Rashid Shohruh
    Sirojiddin Yoqub Yunus Zohid Umar Ergash
""")
_UZ_FEMALE = _words("""
    Dilnoza Gulnora Malika Aziza Barno Charos Dildora Dilfuza Dilrabo Feruza Gulchehra Gulbahor Guli
    Gulshan Hilola Iroda Kamola Lola Lobar Madina Mahliyo Maftuna Mohira Munisa Muhabbat Nargiza
    Nigora Nilufar Nodira Oydin Ozoda Parvina Robiya Rayhona Sabina Sadoqat Saida Sevara Shahnoza
    Shahlo Shoira Sitora Umida Vazira Xurshida Yulduz Zarina Zebo Zilola Zuhra Nasiba Nozima Oysha
    Gulruh Dilbar Durdona Fotima Gavhar Hulkar Kumush Latofat Marjona Mastura Mehribon Muqaddas
    Nafisa Oygul Rano Sarvinoz Shirin Xadicha Yorqinoy Zamira Zulfiya Shahzoda Sohiba Gulsanam
    Mohinur Sayyora Zarnigor Muxlisa Dilorom Moʻtabar
""")
_UZ_SURNAMES = _words("""
    Karimov Yusupov Rahimov Toshmatov Xolmatov Abdullayev Aliyev Azimov Bakirov Ergashev Fayzullayev
    Gʻulomov Hasanov Husanov Ismoilov Jalilov Joʻrayev Kamolov Latipov Mahmudov Mirzayev Murodov
    Nazarov Neʼmatov Normatov Olimov Oripov Qodirov Qosimov Rasulov Rustamov Saidov Salimov Sobirov
    Sultonov Tursunov Umarov Usmonov Valiyev Xoʻjayev Yoʻldoshev Zokirov Shukurov Islomov Hamidov
    Boboyev Ahmedov Davletov Egamberdiyev Mamatov Qurbonov Ochilov Ortiqov
""")

# Russian patronymics that no suffix rule gives: father -> (son's, daughter's).
_IRREGULAR_PATRONYMICS = {
    "Илья": ("Ильич", "Ильинична"),
    "Никита": ("Никитич", "Никитична"),
    "Лука": ("Лукич", "Лукинична"),
    "Павел": ("Павлович", "Павловна"),
    "Пётр": ("Петрович", "Петровна"),
    "Лев": ("Львович", "Львовна"),
    "Яков": ("Яковлевич", "Яковлевна"),
    "Михаил": ("Михайлович", "Михайловна"),
}
# Most -ий names soften (Василий -> Васильевич); these keep the и.
_KEEP_I_BEFORE_EV = frozenset({"Дмитрий", "Георгий"})
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяәөұүі")


def _cyrillic_patronymic(father: str, sex: Sex) -> str:
    """Build a Russian-style patronymic (-ович/-евич, -овна/-евна) from a Cyrillic father's name."""
    if father in _IRREGULAR_PATRONYMICS:
        return _IRREGULAR_PATRONYMICS[father][0 if sex == "M" else 1]
    if father.endswith("ий"):
        stem = father[:-2] + ("иев" if father in _KEEP_I_BEFORE_EV else "ьев")
    elif father.endswith(("й", "ь")):  # Сергей -> Сергеевич, Абай -> Абаевич, Игорь -> Игоревич
        stem = father[:-1] + "ев"
    elif father[-1] in "жшчщц":  # Қуаныш -> Қуанышевич: no stressed о after a hushing consonant
        stem = father + "ев"
    else:
        stem = father + "ов"
    return stem + ("ич" if sex == "M" else "на")


def _latin_patronymic(father: str, sex: Sex) -> str:
    """Build a Russian-style patronymic in Uzbek Latin (Sherzodovich, Ergashevna)."""
    stem = father + ("ev" if father.endswith(("sh", "ch", "j")) else "ov")
    return stem + ("ich" if sex == "M" else "na")


def _feminine_surname(surname: str) -> str:
    """Give the female form of a surname in either script (Иванов -> Иванова, Aliyev -> Aliyeva)."""
    if surname.endswith("ский"):
        return surname[:-2] + "ая"
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын", "ov", "ev")):
        return surname + "а" if surname[-1] in "вн" else surname + "a"
    return surname


def _ends_in_consonant(name: str) -> bool:
    return name[-1].lower() not in _CYRILLIC_VOWELS and name[-1].lower() not in "aeiou"


# Fathers whose names take a patronymic suffix cleanly: ending in a consonant, or irregular.
_KZ_FATHERS = tuple(name for name in _KZ_MALE if _ends_in_consonant(name))
_RU_FATHERS = tuple(name for name in _RU_MALE if _ends_in_consonant(name) or name in _IRREGULAR_PATRONYMICS)
_UZ_FATHERS = tuple(name for name in _UZ_MALE if _ends_in_consonant(name))


class _Names(NamedTuple):
    surname: str
    given_name: str
    patronymic: str
    surname_latin: str
    given_name_latin: str
    patronymic_latin: str


@dataclass(frozen=True, slots=True)
class DemoPerson:
    """One demo employee; an empty patronymic means none, and exactly one of iin/pinfl is set."""

    surname: str
    given_name: str
    patronymic: str
    surname_latin: str
    given_name_latin: str
    patronymic_latin: str
    sex: Sex
    birth_date: date
    nationality: Nationality
    country: Country
    iin: str | None
    pinfl: str | None

    @property
    def full_name(self) -> str:
        """Return the name in register order: surname, given name, patronymic."""
        return " ".join(part for part in (self.surname, self.given_name, self.patronymic) if part)

    @property
    def full_name_latin(self) -> str:
        """Return the Latin name in register order."""
        return " ".join(part for part in (self.surname_latin, self.given_name_latin, self.patronymic_latin) if part)


class PersonGenerator:
    """Make demo people from a seed: the same seed gives the same sequence, identifiers never repeat."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)
        self._issued: set[str] = set()

    def person(self, nationality: Nationality | None = None, *, country: Country | None = None) -> DemoPerson:
        """Return the next person of this nationality (else one drawn from the group's mix).

        The country of work decides between IIN and PINFL; by default Kazakhs work in KZ, Uzbeks in UZ
        and Russians in either.
        """
        rnd = self._random
        if nationality is None:
            nationality = rnd.choices(tuple(_NATIONALITY_WEIGHTS), tuple(_NATIONALITY_WEIGHTS.values()))[0]
        sex: Sex = rnd.choice(("M", "F"))
        birth_date = self._birth_date()
        make_names = {"kz": self._kazakh_names, "ru": self._russian_names, "uz": self._uzbek_names}
        names = make_names[nationality](sex)
        if country is None:
            # Most Russian staff of the group work in Kazakhstan, some in Uzbekistan.
            country = "UZ" if nationality == "uz" or (nationality == "ru" and rnd.random() < 0.25) else "KZ"
        iin = self._iin(birth_date, sex) if country == "KZ" else None
        pinfl = self._pinfl(birth_date, sex) if country == "UZ" else None
        return DemoPerson(
            **names._asdict(),
            sex=sex,
            birth_date=birth_date,
            nationality=nationality,
            country=country,
            iin=iin,
            pinfl=pinfl,
        )

    # --- names ----------------------------------------------------------------------------------------

    def _kazakh_names(self, sex: Sex) -> _Names:
        rnd = self._random
        surname = rnd.choice(_KZ_SURNAMES)
        given = rnd.choice(_KZ_MALE if sex == "M" else _KZ_FEMALE)
        father = rnd.choice(_KZ_FATHERS)
        style = rnd.random()
        if style < 0.7:
            patronymic = _cyrillic_patronymic(father, sex)
        elif style < 0.9:  # the native form, joined as in identity documents: Кемелұлы, Серікқызы
            patronymic = father + ("ұлы" if sex == "M" else "қызы")
        else:
            patronymic = ""
        surname = surname if sex == "M" else _feminine_surname(surname)
        return _Names(surname, given, patronymic, to_latin(surname), to_latin(given), to_latin(patronymic))

    def _russian_names(self, sex: Sex) -> _Names:
        rnd = self._random
        surname = rnd.choice(_RU_SURNAMES)
        given = rnd.choice(_RU_MALE if sex == "M" else _RU_FEMALE)
        patronymic = _cyrillic_patronymic(rnd.choice(_RU_FATHERS), sex)
        surname = surname if sex == "M" else _feminine_surname(surname)
        return _Names(surname, given, patronymic, to_latin(surname), to_latin(given), to_latin(patronymic))

    def _uzbek_names(self, sex: Sex) -> _Names:
        rnd = self._random
        surname = rnd.choice(_UZ_SURNAMES)
        given = rnd.choice(_UZ_MALE if sex == "M" else _UZ_FEMALE)
        father = rnd.choice(_UZ_FATHERS)
        if rnd.random() < 0.5:  # Uzbek style, a separate word: Sherzod oʻgʻli, Sherzod qizi
            patronymic = f"{father} {_UZ_SON if sex == 'M' else _UZ_DAUGHTER}"
        else:  # Russian style, as in many Soviet-era documents
            patronymic = _latin_patronymic(father, sex)
        surname = surname if sex == "M" else _feminine_surname(surname)
        cyrillic = _Names._make((*map(to_uzbek_cyrillic, (surname, given, patronymic)), "", "", ""))
        return cyrillic._replace(surname_latin=surname, given_name_latin=given, patronymic_latin=patronymic)

    # --- dates and identifiers ---------------------------------------------------------------------

    def _birth_date(self) -> date:
        # Aged YOUNGEST_AGE..OLDEST_AGE on REFERENCE_DATE: born after the day OLDEST_AGE + 1 years back.
        earliest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - OLDEST_AGE - 1) + timedelta(days=1)
        latest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - YOUNGEST_AGE)
        return earliest + timedelta(days=self._random.randint(0, (latest - earliest).days))

    def _iin(self, birth_date: date, sex: Sex) -> str:
        serial = self._random.randint(0, 9999)
        while (iin := make_iin(birth_date, sex, serial)) in self._issued:
            serial = (serial + 1) % 10_000
        self._issued.add(iin)
        return iin

    def _pinfl(self, birth_date: date, sex: Sex) -> str:
        district, serial = self._random.randint(100, 999), self._random.randint(1, 999)
        while (pinfl := make_pinfl(birth_date, sex, district, serial)) in self._issued:
            serial = serial % 999 + 1
        self._issued.add(pinfl)
        return pinfl
