"""Threat (integrity of clients): two schemas with the same name collapse into one component of
the OpenAPI document, so generated clients read one endpoint's answer with another's model and
responses no longer match the published schema. Every model the API uses has its own name."""

import collections
import inspect
import typing

import pydantic
from ninja.openapi.schema import get_schema

from senim.api import api


def _models(annotation: object) -> typing.Iterator[type[pydantic.BaseModel]]:
    if inspect.isclass(annotation) and issubclass(annotation, pydantic.BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models(argument)


def test_every_api_model_has_a_name_of_its_own():
    seen: set[type[pydantic.BaseModel]] = set()
    names: dict[str, set[str]] = collections.defaultdict(set)
    pending: list[type[pydantic.BaseModel]] = []
    for router_prefix, router in api._routers:  # every operation's request and response models
        del router_prefix
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                pending.extend(_models(operation.models))
                for model in getattr(operation.models, "__iter__", lambda: iter(()))():
                    pending.extend(_models(model))
                for response in operation.response_models.values():
                    pending.extend(_models(response))
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.add(model)
        names[model.__name__].add(f"{model.__module__}.{model.__qualname__}")
        for field in model.model_fields.values():
            pending.extend(_models(field.annotation))
    clashes = {name: sorted(where) for name, where in names.items() if len(where) > 1}
    assert clashes == {}
    assert len(seen) > 50
    assert get_schema(api, path_prefix="/api/v1")["components"]["schemas"]
