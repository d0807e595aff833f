"""The peer: OpenSanctions' nomenklatura logic-v2, scoring the same query→candidate pairs.

Runs inside bench/screening/.peer-venv (``pip install nomenklatura``), never in Senim's own
environment. Input: a JSON file {"queries": {id: query}, "records": {id: record},
"pairs": [[query_id, record_id], ...]}. Output: JSON {"scores": [...], "seconds": scoring time,
"per_query_s": {id: seconds}}.
Entities are built once before timing; the timing covers ``LogicV2.compare`` calls only.
"""

from __future__ import annotations

import json
import sys
import time

from followthemoney import model
from nomenklatura.matching.logic_v2.model import LogicV2


def _entity(prefix: str, key: str, data: dict):
    schema = "Person" if data["schema"] == "Person" else "Company"
    entity = model.make_entity(schema)
    entity.id = f"{prefix}-{key}"  # ids must differ: logic-v2 caches per entity id
    for name in data["names"]:
        entity.add("name", name)
    for country in data.get("countries") or []:
        entity.add("country", country)
    if schema == "Person":
        for date in data.get("birth_dates") or []:
            entity.add("birthDate", date)
        if data.get("gender"):
            entity.add("gender", {"m": "male", "f": "female"}.get(data["gender"], data["gender"]))
        for identifier in data.get("identifiers") or []:
            entity.add("idNumber", identifier)
    else:
        for identifier in data.get("identifiers") or []:
            entity.add("registrationNumber" if len(identifier) == 12 else "taxNumber", identifier)
    return entity


def main(in_path: str, out_path: str) -> None:
    with open(in_path, encoding="utf-8") as handle:
        payload = json.load(handle)
    config = LogicV2.default_config()
    queries = {k: _entity("q", k, v) for k, v in payload["queries"].items()}
    records = {k: _entity("r", k, v) for k, v in payload["records"].items()}
    # Warm-up outside the timing: logic-v2 loads its name-symbol tables on first use.
    first = payload["pairs"][0]
    LogicV2.compare(queries[first[0]], records[first[1]], config)
    scores = []
    per_query: dict[str, float] = {}
    started = time.perf_counter()
    cpu_started = time.process_time()
    for query_id, record_id in payload["pairs"]:
        pair_started = time.perf_counter()
        scores.append(LogicV2.compare(queries[query_id], records[record_id], config).score)
        per_query[query_id] = per_query.get(query_id, 0.0) + time.perf_counter() - pair_started
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump({"scores": scores, "seconds": seconds, "cpu_seconds": cpu_seconds, "per_query_s": per_query}, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
