"""Demo data for plans and roadmaps: the Kazakh ESG roadmap 2025–2032 of the head company, imported
from the Word document it was approved as (the deadline nobody could parse set by hand afterwards),
with progress reported on the periods already due — most on time, some late, some still open.

Called by senim.demo.builder after conflicts (the demo app sits above risks).
"""

import datetime as dt
import random
import tempfile
from pathlib import Path

from django.utils import timezone

from senim.accounts.models import User
from senim.org.models import Company
from senim.risks import services
from senim.risks.importing.reader import read_plan
from senim.risks.models import MeasureInstance
from senim.risks.samples import UNPARSEABLE, write_roadmap_docx

SEED = 2041
ROADMAP_MEASURES = 40


def build_risks_demo(admin: User, companies: list[Company]) -> None:
    rng = random.Random(SEED)
    company = next((c for c in companies if c.country == "KZ"), companies[0])
    with tempfile.TemporaryDirectory() as tmp:
        path = write_roadmap_docx(Path(tmp) / "esg-roadmap-2025-2032.docx", measures=ROADMAP_MEASURES)
        understood = read_plan(path)
    plan = services.plan_import(
        actor=admin,
        company=company,
        understood=understood,
        approved_by="Директорлар кеңесі",
        decision_number="3",
        approved_on=dt.date(2025, 3, 14),
    )
    for measure in plan.measures.filter(deadline_text=UNPARSEABLE):
        services.measure_set_deadline(actor=admin, measure=measure, text="2027 ж.")
    today = timezone.localdate()
    due = MeasureInstance.objects.filter(measure__plan=plan, due_date__lt=today).order_by("due_date", "period")
    for n, instance in enumerate(due):
        if n % 5 == 4:
            continue  # left overdue
        if n % 5 == 3:
            done = min(instance.due_date + dt.timedelta(days=rng.randint(5, 60)), today)
        else:
            done = instance.due_date - dt.timedelta(days=rng.randint(1, 40))
        services.instance_report(
            actor=admin,
            instance=instance,
            status="done",
            completed_on=done,
            note="Орындалды, есеп ұсынылды",
            today=today,
        )
